package dev.arena.loadtest;

import dev.arena.loadtest.Stats.Count;
import dev.arena.loadtest.floor.FloorComparison;
import dev.arena.loadtest.floor.FloorResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one run (load-test/README.md, "Output"): what
 * the bots measured, plus what the bench runner measured of the server
 * process when it started one ({@link #server}).
 */
public final class RunResult {
    /**
     * The server process's figures over the measured window; null when the server was not started by this tool.
     *
     * @param kind {@link #GAME_SERVER} or {@link #FLOOR}
     */
    public record ServerFigures(String kind, String jar, List<String> jvmFlags, long pid, double cpuSeconds,
                                double userCpuSeconds, double systemCpuSeconds, long peakRssBytes,
                                Map<String, Double> metrics) {
        public static final String GAME_SERVER = "game-server";
        public static final String FLOOR = "floor";

        public boolean floor() {
            return FLOOR.equals(kind);
        }
    }

    public final Options options;
    public final Instant startedAt;
    public final List<LoadRun.Sample> samples;
    /** Input latency over the measured window, microseconds. */
    public final Histogram measured;
    /** Input latency over the whole run, microseconds. */
    public final Histogram all;
    private final long[] measureStart;
    private final long[] measureEnd;
    public final double measuredSeconds;
    public final long botCpuNanos;
    /** The load generator's user and system CPU over the measured window (from /proc); -1 where it has none. */
    public long botUserCpuNanos = -1;
    public long botSystemCpuNanos = -1;
    public final int playingAtEnd;
    /** Joins that failed, by reason (room_full, no_welcome, first_bot_failed, ...); they sum to rejected joins. */
    public final Map<String, Long> rejectedJoinsByReason;
    public final List<String> failures;
    public final String note;
    public ServerFigures server;
    /** Whether the game's bots measure input latency (the arena's do; see {@link BotBehaviour#measuresLatency}). */
    public boolean latencyExpected = true;
    /** Upgrades the server refused before any 101, by reason (empty when none). */
    public Map<String, Stats.Refusal> refusals = Map.of();

    /** The floor run the server's CPU is divided by ({@code --floor-result}); null when none. */
    public FloorResult floor;

    /** What the latency is of: {@code input}, or the game's word ({@link BotBehaviour#latencyOf}). */
    public String latencyOf = "input";
    /** What that latency includes, when the word alone would mislead ({@link BotBehaviour#latencyNote}); else null. */
    public String latencyNote;

    RunResult(Options options, Instant startedAt, List<LoadRun.Sample> samples, Histogram measured, Histogram all,
              long[] measureStart, long[] measureEnd, double measuredSeconds, long botCpuNanos, int playingAtEnd,
              Map<String, Long> rejectedJoinsByReason, List<String> failures, String note) {
        this.options = options;
        this.startedAt = startedAt;
        this.samples = samples;
        this.measured = measured;
        this.all = all;
        this.measureStart = measureStart;
        this.measureEnd = measureEnd;
        this.measuredSeconds = measuredSeconds;
        this.botCpuNanos = botCpuNanos;
        this.playingAtEnd = playingAtEnd;
        this.rejectedJoinsByReason = rejectedJoinsByReason;
        this.failures = failures;
        this.note = note;
    }

    /** Counter total over the whole run. */
    public long total(Count c) {
        return measureEnd[c.ordinal()];
    }

    /** Counter increase over the measured window. */
    public long measured(Count c) {
        return measureEnd[c.ordinal()] - measureStart[c.ordinal()];
    }

    public long errors() {
        return Stats.errors(measureEnd);
    }

    /** Average number of bots playing over the measured seconds. */
    public double averagePlayers() {
        return samples.stream().filter(s -> s.phase() == LoadRun.Phase.MEASURE).mapToInt(LoadRun.Sample::playing)
                .average().orElse(0);
    }

    /** From each bot's first connect to its WELCOME, redirects included (a cluster), microseconds. */
    public org.HdrHistogram.Histogram joinTime = new org.HdrHistogram.Histogram(3);

    public double joinMillis(double percentile) {
        return LoadRun.ms(joinTime, percentile);
    }

    public double latencyMillis(double percentile) {
        return LoadRun.ms(measured, percentile);
    }

    public double maxLatencyMillis() {
        return measured.getTotalCount() == 0 ? 0 : measured.getMaxValue() / 1000.0;
    }

    /**
     * Zero errors, disconnects and refused joins, every bot joined and
     * latencies were measured (when the game's bots measure any).
     */
    public boolean clean() {
        return errors() == 0 && total(Count.JOINED) == options.bots() && playingAtEnd == options.bots()
                && (measured.getTotalCount() > 0 || !latencyExpected);
    }

    public double rate(Count c) {
        return measuredSeconds <= 0 ? 0 : measured(c) / measuredSeconds;
    }

    public double perPlayer(Count c) {
        double players = averagePlayers();
        return players <= 0 ? 0 : rate(c) / players;
    }

    /** Mean entities a bot held after an update over the measured window: the room, or its view. */
    public double entitiesPerUpdate() {
        long updates = measured(Count.UPDATES);
        return updates == 0 ? 0 : measured(Count.VIEW_ENTITIES) / (double) updates;
    }

    /** The workload and how it was run: the {@code parameters} of the JSON, which a floor result is compared on. */
    static JsonObject parameters(Options options) {
        return new JsonObject()
                .put("mode", options.command.name().toLowerCase(Locale.ROOT))
                .put("workload", options.workload.option())
                .put("serverSettings", new JsonObject(new java.util.LinkedHashMap<>(options.workload.serverSettings())))
                .put("url", String.valueOf(options.url))
                .put("insecure", options.insecure)
                .put("game", options.game)
                .put("rooms", options.rooms)
                .put("playersPerRoom", options.players)
                .put("bots", options.bots())
                .put("warmupSeconds", options.warmupSeconds)
                .put("durationSeconds", options.durationSeconds)
                .put("rampJoinsPerSecond", options.rampPerSecond)
                .put("inputHz", options.inputHz)
                .put("seed", options.seed)
                .put("botEventLoops", options.loops)
                .put("serverNodes", options.nodes)
                .put("dropEverySeconds", options.dropEverySeconds)
                .put("fullState", options.fullState)
                .put("availableProcessors", Runtime.getRuntime().availableProcessors());
    }

    /** Server CPU seconds scaled to 1,000 players and one minute of the measured window. */
    public double perThousandPlayersPerMinute(double cpuSeconds) {
        return cpuSeconds / (Math.max(1, averagePlayers()) / 1000.0) / (measuredSeconds / 60.0);
    }

    /** This run's server CPU against {@link #floor}; null without a server or a floor. */
    public FloorComparison floorComparison() {
        if (server == null || floor == null) {
            return null;
        }
        return floor.compare(perThousandPlayersPerMinute(server.cpuSeconds()),
                perThousandPlayersPerMinute(server.userCpuSeconds()), perThousandPlayersPerMinute(server.systemCpuSeconds()),
                parameters(options), server.jvmFlags(), startedAt);
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject()
                .put("benchmark", options.workload.benchmark)
                .put("startedAt", startedAt.toString())
                .put("parameters", parameters(options))
                .put("measuredSeconds", round(measuredSeconds, 3))
                // Named inputLatencyMs whatever the game (tools read it); latencyOf says what was timed.
                .put("latencyOf", latencyOf)
                .put("inputLatencyMs", new JsonObject()
                        .put("p50", round(latencyMillis(50), 3))
                        .put("p90", round(latencyMillis(90), 3))
                        .put("p99", round(latencyMillis(99), 3))
                        .put("p999", round(latencyMillis(99.9), 3))
                        .put("max", round(maxLatencyMillis(), 3))
                        .put("mean", round(measured.getTotalCount() == 0 ? 0 : measured.getMean() / 1000.0, 3))
                        .put("count", measured.getTotalCount()))
                .put("joinTimeMs", new JsonObject()
                        .put("p50", round(joinMillis(50), 3))
                        .put("p99", round(joinMillis(99), 3))
                        .put("count", joinTime.getTotalCount()))
                .put("players", new JsonObject()
                        .put("target", options.bots())
                        .put("joined", total(Count.JOINED))
                        .put("playingAtEnd", playingAtEnd)
                        .put("averageMeasured", round(averagePlayers(), 1)))
                .put("bytesPerPlayerPerSecond", new JsonObject()
                        .put("serverToClient", round(perPlayer(Count.BYTES_IN), 1))
                        .put("clientToServer", round(perPlayer(Count.BYTES_OUT), 1)))
                .put("messagesPerSecond", new JsonObject()
                        .put("serverToClient", round(rate(Count.MESSAGES_IN), 1))
                        .put("clientToServer", round(rate(Count.MESSAGES_OUT), 1)))
                .put("inputsPerSecond", round(rate(Count.INPUTS_SENT), 1))
                .put("updatesPerSecond", round(rate(Count.UPDATES), 1))
                .put("view", new JsonObject()
                        .put("entitiesPerUpdate", round(entitiesPerUpdate(), 1))
                        .put("enteredPerPlayerPerSecond", round(perPlayer(Count.ENTERED), 2))
                        .put("leftPerPlayerPerSecond", round(perPlayer(Count.LEFT), 2)))
                .put("inputsSkippedCongested", total(Count.INPUTS_SKIPPED))
                .put("errors", errorsJson())
                .put("disconnects", total(Count.DISCONNECTS))
                .put("resumes", new JsonObject()
                        .put("attempted", total(Count.RESUMES_ATTEMPTED))
                        .put("succeeded", total(Count.RESUMES_SUCCEEDED))
                        .put("failed", total(Count.RESUMES_FAILED)))
                .put("rejectedJoins", total(Count.REJECTED_JOINS))
                .put("rejectedJoinsByReason", new JsonObject(new java.util.LinkedHashMap<>(rejectedJoinsByReason)))
                .put("upgradesRefused", refusalsJson())
                .put("loadGenerator", new JsonObject()
                        .put("cpuSeconds", round(botCpuNanos / 1e9, 3))
                        .put("userCpuSeconds", round(botUserCpuNanos / 1e9, 3))
                        .put("systemCpuSeconds", round(botSystemCpuNanos / 1e9, 3))
                        .put("cpuPercentOfOneCore", round(measuredSeconds <= 0 ? 0 : botCpuNanos / 1e7 / measuredSeconds, 1)))
                .put("clean", clean());
        if (server != null) {
            JsonObject metrics = new JsonObject();
            server.metrics().forEach(metrics::put);
            JsonObject serverJson = new JsonObject()
                    .put("kind", server.kind())
                    .put("jar", server.jar())
                    .put("jvmFlags", new JsonArray(server.jvmFlags()))
                    .put("cpuSeconds", round(server.cpuSeconds(), 3))
                    .put("userCpuSeconds", round(server.userCpuSeconds(), 3))
                    .put("systemCpuSeconds", round(server.systemCpuSeconds(), 3))
                    .put("cpuSecondsPer1000PlayersPerMinute", round(perThousandPlayersPerMinute(server.cpuSeconds()), 3))
                    .put("userCpuSecondsPer1000PlayersPerMinute", round(perThousandPlayersPerMinute(server.userCpuSeconds()), 3))
                    .put("systemCpuSecondsPer1000PlayersPerMinute",
                            round(perThousandPlayersPerMinute(server.systemCpuSeconds()), 3))
                    .put("cpuPercentOfOneCore", round(server.cpuSeconds() / measuredSeconds * 100, 2))
                    .put("peakRssBytes", server.peakRssBytes())
                    .put("peakRssMiB", round(server.peakRssBytes() / 1048576.0, 1))
                    .put("metrics", metrics);
            FloorComparison vsFloor = floorComparison();
            json.put("server", vsFloor == null ? serverJson : vsFloor.addTo(serverJson));
        }
        if (latencyNote != null) {
            json.put("latencyNote", latencyNote);
        }
        if (!failures.isEmpty()) {
            json.put("firstFailures", new JsonArray(failures));
        }
        if (note != null) {
            json.put("note", note);
        }
        return json;
    }

    private JsonObject refusalsJson() {
        JsonObject out = new JsonObject();
        refusals.forEach((reason, r) -> out.put(reason, new JsonObject().put("count", r.count().sum())
                .put("status", r.status()).put("setting", Refusals.setting(reason)).put("message", r.message())));
        return out;
    }

    private JsonObject errorsJson() {
        JsonObject e = new JsonObject();
        for (Count c : Count.values()) {
            if (c.isError()) {
                e.put(camel(c.name()), total(c));
            }
        }
        return e.put("total", errors()).put("inMeasuredWindow", Stats.errors(measureEnd) - Stats.errors(measureStart));
    }

    /** The human summary. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s: %d rooms x %d players = %d bots, %d s measured after %d s warm-up, inputs at %d Hz%n",
                options.workload.benchmark, options.rooms, options.players, options.bots(), Math.round(measuredSeconds),
                options.warmupSeconds, options.inputHz));
        if (!options.workload.serverSettings().isEmpty()) {
            b.append("  server settings ").append(options.workload.serverSettings()).append(System.lineSeparator());
        }
        b.append(String.format(Locale.ROOT, "  players       %d joined of %d, %d playing at the end (%.0f on average while measuring)%n",
                total(Count.JOINED), options.bots(), playingAtEnd, averagePlayers()));
        b.append(String.format(Locale.ROOT, "  %s latency p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  p99.9 %.1f ms  max %.1f ms  (%d %ss)%n",
                latencyOf, latencyMillis(50), latencyMillis(90), latencyMillis(99), latencyMillis(99.9), maxLatencyMillis(),
                measured.getTotalCount(), latencyOf));
        if (latencyNote != null) {
            b.append("    ").append(latencyNote).append(System.lineSeparator());
        }
        b.append(String.format(Locale.ROOT, "  join time     p50 %.1f ms  p99 %.1f ms  (connect to WELCOME, %d redirects followed)%n",
                joinMillis(50), joinMillis(99), total(Count.REDIRECTS)));
        b.append(String.format(Locale.ROOT, "  server->client %.0f B per player per second, %.0f messages/s; client->server %.0f B per player per second, %.0f messages/s%n",
                perPlayer(Count.BYTES_IN), rate(Count.MESSAGES_IN), perPlayer(Count.BYTES_OUT), rate(Count.MESSAGES_OUT)));
        b.append(String.format(Locale.ROOT, "  view          %.1f entities held per update; %.2f entered and %.2f left per player per second%n",
                entitiesPerUpdate(), perPlayer(Count.ENTERED), perPlayer(Count.LEFT)));
        b.append(String.format(Locale.ROOT, "  errors %d, disconnects %d, rejected joins %d%s%n",
                errors(), total(Count.DISCONNECTS), total(Count.REJECTED_JOINS), rejectedJoinReasons()));
        if (options.dropEverySeconds > 0) {
            b.append(String.format(Locale.ROOT, "  resumes       %d attempted, %d succeeded, %d failed (a cut every %d s per bot, about)%n",
                    total(Count.RESUMES_ATTEMPTED), total(Count.RESUMES_SUCCEEDED), total(Count.RESUMES_FAILED),
                    options.dropEverySeconds));
        }
        refusals.forEach((reason, r) -> b.append(String.format(Locale.ROOT,
                "  upgrades refused: %d x HTTP %d %s (\"%s\"): %s%n", r.count().sum(), r.status(), reason, r.message(),
                Refusals.advice(reason))));
        b.append(String.format(Locale.ROOT, "  load generator CPU %.1f s%s (%.0f%% of one core)%n",
                botCpuNanos / 1e9, botUserCpuNanos < 0 ? "" : String.format(Locale.ROOT, " = %.1f user + %.1f sys",
                        botUserCpuNanos / 1e9, botSystemCpuNanos / 1e9),
                measuredSeconds <= 0 ? 0 : botCpuNanos / 1e7 / measuredSeconds));
        if (server != null) {
            b.append(String.format(Locale.ROOT, "  %s CPU %.2f s = %.2f user + %.2f sys (%.1f%% of one core; per 1,000 players per minute %.2f s = %.2f user + %.2f sys), peak RSS %.0f MiB%n",
                    server.floor() ? "floor server (bare Netty, no game)" : "server",
                    server.cpuSeconds(), server.userCpuSeconds(), server.systemCpuSeconds(),
                    server.cpuSeconds() / measuredSeconds * 100, perThousandPlayersPerMinute(server.cpuSeconds()),
                    perThousandPlayersPerMinute(server.userCpuSeconds()), perThousandPlayersPerMinute(server.systemCpuSeconds()),
                    server.peakRssBytes() / 1048576.0));
        }
        FloorComparison vsFloor = floorComparison();
        if (vsFloor != null) {
            b.append(vsFloor.summary());
        }
        for (String f : failures) {
            b.append("  ").append(f).append(System.lineSeparator());
        }
        if (note != null) {
            b.append("  note: ").append(note).append(System.lineSeparator());
        }
        return b.toString();
    }

    /** " (room_full 2, no_welcome 1)", or nothing when no join failed. */
    String rejectedJoinReasons() {
        if (rejectedJoinsByReason.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(" (");
        rejectedJoinsByReason.forEach((reason, n) -> b.append(b.length() > 2 ? ", " : "").append(reason).append(' ').append(n));
        return b.append(')').toString();
    }

    static String camel(String enumName) {
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (char c : enumName.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return b.toString();
    }

    static double round(double v, int digits) {
        if (!Double.isFinite(v)) {
            return 0;
        }
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
