package dev.arena.server.ops;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer to {@code GET /ready}: every check, run at once. The node is
 * ready when all pass. The JSON body names each check with its outcome and
 * lists the failed ones:
 * <pre>
 * {"status":"DOWN","failed":["lifecycle"],
 *  "checks":{"lifecycle":{"ok":false,"detail":"shutting down"}, "eventLoops":{...}, "rooms":{...}}}
 * </pre>
 */
public final class Readiness {
    private final List<ReadinessCheck> checks;

    public Readiness(List<ReadinessCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    /** Runs every check; the future always succeeds, with the report. */
    public Future<Report> evaluate() {
        List<Future<CheckResult>> results = new ArrayList<>();
        for (ReadinessCheck check : checks) {
            Future<CheckResult> result;
            try {
                result = check.check();
            } catch (RuntimeException e) {
                result = Future.failedFuture(e);
            }
            results.add(result.recover(e -> Future.succeededFuture(
                    CheckResult.failed("the check failed: " + e))));
        }
        return Future.join(results).map(done -> {
            JsonObject byName = new JsonObject();
            JsonArray failed = new JsonArray();
            for (int i = 0; i < checks.size(); i++) {
                CheckResult r = results.get(i).result();
                byName.put(checks.get(i).name(), new JsonObject().put("ok", r.ok()).put("detail", r.detail()));
                if (!r.ok()) {
                    failed.add(checks.get(i).name());
                }
            }
            boolean ready = failed.isEmpty();
            return new Report(ready, new JsonObject().put("status", ready ? "UP" : "DOWN")
                    .put("failed", failed).put("checks", byName));
        });
    }

    /**
     * @param ready whether every check passed
     * @param body  the JSON body of {@code /ready}
     */
    public record Report(boolean ready, JsonObject body) {
    }
}
