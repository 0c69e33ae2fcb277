package dev.arena.server.admin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.Map;

/**
 * Every admin action, once it is answered: one INFO line on the logger
 * {@code dev.arena.server.admin.AdminAudit} and one count in
 * {@code arena_admin_actions_total{action,result}} (every pair registered at
 * zero). The line is
 * {@code admin action=kick target="r1/3" reason="griefing" result=ok status=200 from=127.0.0.1}:
 * operator texts are JSON-quoted, so a line stays one line whatever they
 * hold, and cut to {@value #MAX_TEXT} chars. The bearer token is never in it
 * (it is not even seen here).
 */
final class AdminAudit {
    static final int MAX_TEXT = 200;
    private static final Logger log = LoggerFactory.getLogger(AdminAudit.class);

    private final Map<AdminAction, Map<AdminResult, Counter>> counters = new EnumMap<>(AdminAction.class);

    AdminAudit(MeterRegistry registry) {
        for (AdminAction action : AdminAction.values()) {
            Map<AdminResult, Counter> byResult = new EnumMap<>(AdminResult.class);
            for (AdminResult result : AdminResult.values()) {
                byResult.put(result, Counter.builder("arena.admin.actions").tag("action", action.label)
                        .tag("result", result.label)
                        .description("Admin API actions (close, kick, ban, unban, notice), by how they ended")
                        .register(registry));
            }
            counters.put(action, byResult);
        }
    }

    /**
     * @param target what was acted on ({@code r1}, {@code r1/3}, {@code 203.0.113.0/24}, a ban id, {@code all}),
     *               or null when the request did not get that far
     * @param reason the operator's words (a reason, a notice's text), or null
     * @param from   the address the request came from
     */
    void record(AdminAction action, String target, String reason, int status, String from) {
        AdminResult result = AdminResult.of(status);
        counters.get(action).get(result).increment();
        log.info("admin action={} target={} reason={} result={} status={} from={}", action.label, quoted(target),
                quoted(reason), result.label, status, from);
    }

    private static String quoted(String text) {
        if (text == null) {
            return "-";
        }
        return Json.encode(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text);
    }
}
