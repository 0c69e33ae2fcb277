package dev.arena.loadtest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code java -jar load-test.jar hostile --url ws://127.0.0.1:8080/ws
 * [--bots 4] [--seed 1] [--metrics URL]}: while a few bots play in one room, tries the
 * attacks of docs/SECURITY.md one after the other (garbage and invalid
 * frames, invalid strings, the string-leak probe, floods, silent and
 * half-open sockets, foreign origins, one address opening sockets until
 * refused), and prints each attack's outcome and whether the bots were
 * disturbed. Bounded: about 70 connections, a few hundred frames, and
 * about 10 s with the server's defaults (at most about a minute).
 *
 * <p>Exit status: 0 every attack was defended and the bots played on
 * undisturbed; 3 something was not; 1 the run could not be done; 2 a bad
 * command line.
 */
final class Hostile {
    static final String USAGE = """
              java -jar load-test.jar hostile  --url ws://127.0.0.1:8080/ws [--bots 4] [--seed 1]
                                               [--metrics http://127.0.0.1:8090/metrics]
                tries the attacks of docs/SECURITY.md against that server while --bots bots play, and
                prints each outcome (with --metrics, also what the server counted, by reason); uses
                about 70 connections from this address, so leave the server's http.maxConnectionsPerIp
                at its default to see the per-address cap work""";
    static final int UNDEFENDED = 3;

    private Hostile() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options;
        URI url;
        int bots;
        long seed;
        URI metrics;
        try {
            options = parse(args);
            url = Target.parse(options.getOrDefault("url", ""));
            if (!url.getScheme().equals("ws")) {
                // The attacks write raw bytes to TCP sockets; they speak no TLS.
                throw new UsageException("hostile attacks a ws:// URL (plain TCP), got '" + url + "'");
            }
            bots = integer(options, "bots", 4, 1, 20);
            seed = Long.parseLong(options.getOrDefault("seed", "1").strip());
            metrics = options.containsKey("metrics") ? URI.create(options.get("metrics")) : null;
        } catch (UsageException | IllegalArgumentException e) {
            err.println("arena-bench hostile: " + e.getMessage());
            err.println("usage:\n" + USAGE);
            return 2;
        }
        try {
            Map<String, Double> countedBefore = metrics == null ? null : ServerCounters.scrape(metrics);
            JsonObject result = attack(url, bots, seed, err);
            if (metrics != null) {
                result.put("serverCounted", ServerCounters.delta(countedBefore, ServerCounters.scrape(metrics)));
            }
            print(result, out);
            return result.getBoolean("allDefended") && !result.getJsonObject("bots").getBoolean("disturbed")
                    ? 0 : UNDEFENDED;
        } catch (Exception e) {
            err.println("arena-bench hostile failed: " + e);
            return 1;
        }
    }

    static JsonObject attack(URI url, int botCount, long seed, PrintStream progress) throws Exception {
        try (HostileBots bots = new HostileBots(url, botCount, seed)) {
            progress.println("hostile: " + botCount + " bots joining " + url);
            bots.join();
            progress.println("hostile: bots playing; 2 s of quiet play as the baseline");
            bots.watch(2);
            long start = System.nanoTime();
            List<AttackResult> results = new ArrayList<>();
            for (AttackResult r : new FrameAttacks(url, seed).all()) {
                progress.println("hostile: " + r.name() + ": " + r.outcome());
                results.add(r);
            }
            for (AttackResult r : new DoorAttacks(url).all()) {
                progress.println("hostile: " + r.name() + ": " + r.outcome());
                results.add(r);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            bots.stopWatching();
            JsonArray attacks = new JsonArray();
            results.forEach(r -> attacks.add(r.toJson()));
            return new JsonObject()
                    .put("url", url.toString())
                    .put("seed", seed)
                    .put("attackSeconds", Math.round(seconds * 10) / 10.0)
                    .put("attacks", attacks)
                    .put("allDefended", results.stream().allMatch(AttackResult::defended))
                    .put("bots", bots.toJson());
        }
    }

    private static void print(JsonObject result, PrintStream out) {
        out.printf(Locale.ROOT, "hostile run against %s (%.1f s of attacks)%n", result.getString("url"),
                result.getDouble("attackSeconds"));
        for (Object o : result.getJsonArray("attacks")) {
            JsonObject a = (JsonObject) o;
            out.printf(Locale.ROOT, "  %-18s %-11s %s%n      tried: %s; expected: %s%n", a.getString("name"),
                    a.getBoolean("defended") ? "defended" : "NOT DEFENDED", a.getString("outcome"),
                    a.getString("tried"), a.getString("expected"));
        }
        JsonObject bots = result.getJsonObject("bots");
        out.printf(Locale.ROOT, "  bots: %d playing, %d at the end, %d errors, %d disconnects; updates/s %d before,"
                        + " slowest second during the attacks %d; input latency p99 %.1f ms before, %.1f ms during: %s%n",
                bots.getInteger("bots"), bots.getInteger("playingAtEnd"), bots.getLong("errors"),
                bots.getLong("disconnects"), bots.getLong("updatesPerSecondBefore"),
                bots.getLong("slowestSecondDuringAttacks"), bots.getDouble("inputLatencyP99MsBefore"),
                bots.getDouble("inputLatencyP99Ms"),
                bots.getBoolean("disturbed") ? "DISTURBED " + bots.getJsonArray("why") : "undisturbed");
        JsonObject counted = result.getJsonObject("serverCounted");
        if (counted != null) {
            out.println("  the server counted: " + (counted.isEmpty() ? "nothing" : counted.encode()));
        }
        out.println(result.encode());
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException("--" + name + " needs a value");
            }
            if (!List.of("url", "bots", "seed", "metrics").contains(name)) {
                throw new UsageException("unknown option --" + name
                        + " for hostile (allowed: --url, --bots, --seed, --metrics)");
            }
            values.put(name, value);
        }
        if (!values.containsKey("url")) {
            throw new UsageException("--url is required");
        }
        return values;
    }

    private static int integer(Map<String, String> options, String name, int def, int min, int max) {
        String s = options.get(name);
        try {
            int n = s == null ? def : Integer.parseInt(s.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException("--" + name + " must be an integer from " + min + " to " + max + ", got '" + s + "'");
    }
}
