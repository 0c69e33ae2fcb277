package dev.arena.loadtest;

import dev.arena.loadtest.Stats.Count;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one run (BENCHMARK.md, "The figures a run reports"): what
 * the bots measured, plus what the bench runner measured of the server
 * process when it started one ({@link #server}).
 */
public final class RunResult {
    /** The server process's figures over the measured window; null when the server was not started by this tool. */
    public record ServerFigures(String jar, List<String> jvmFlags, long pid, double cpuSeconds, double userCpuSeconds,
                                double systemCpuSeconds, long peakRssBytes,
                                Map<String, Double> metrics) {
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
    public final int playingAtEnd;
    /** Joins that failed, by reason (room_full, no_welcome, first_bot_failed, ...); they sum to rejected joins. */
    public final Map<String, Long> rejectedJoinsByReason;
    public final List<String> failures;
    public final String note;
    public ServerFigures server;
    /** Whether the game's bots measure input latency (the arena's do; see {@link BotBehaviour#measuresLatency}). */
    public boolean latencyExpected = true;
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

    public JsonObject toJson() {
        JsonObject json = new JsonObject()
                .put("benchmark", "arena-bench")
                .put("startedAt", startedAt.toString())
                .put("parameters", new JsonObject()
                        .put("mode", options.command.name().toLowerCase(Locale.ROOT))
                        .put("url", String.valueOf(options.url))
                        .put("insecure", options.insecure)
                        .put("rooms", options.rooms)
                        .put("playersPerRoom", options.players)
                        .put("bots", options.bots())
                        .put("warmupSeconds", options.warmupSeconds)
                        .put("durationSeconds", options.durationSeconds)
                        .put("rampJoinsPerSecond", options.rampPerSecond)
                        .put("inputHz", options.inputHz)
                        .put("seed", options.seed)
                        .put("botEventLoops", options.loops)
                        .put("availableProcessors", Runtime.getRuntime().availableProcessors()))
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
                .put("inputsSkippedCongested", total(Count.INPUTS_SKIPPED))
                .put("errors", errorsJson())
                .put("disconnects", total(Count.DISCONNECTS))
                .put("rejectedJoins", total(Count.REJECTED_JOINS))
                .put("rejectedJoinsByReason", new JsonObject(new java.util.LinkedHashMap<>(rejectedJoinsByReason)))
                .put("loadGenerator", new JsonObject()
                        .put("cpuSeconds", round(botCpuNanos / 1e9, 3))
                        .put("cpuPercentOfOneCore", round(measuredSeconds <= 0 ? 0 : botCpuNanos / 1e7 / measuredSeconds, 1)))
                .put("clean", clean());
        if (server != null) {
            double players = Math.max(1, averagePlayers());
            JsonObject metrics = new JsonObject();
            server.metrics().forEach(metrics::put);
            json.put("server", new JsonObject()
                    .put("jar", server.jar())
                    .put("jvmFlags", new JsonArray(server.jvmFlags()))
                    .put("cpuSeconds", round(server.cpuSeconds(), 3))
                    .put("userCpuSeconds", round(server.userCpuSeconds(), 3))
                    .put("systemCpuSeconds", round(server.systemCpuSeconds(), 3))
                    .put("cpuSecondsPer1000PlayersPerMinute",
                            round(server.cpuSeconds() / (players / 1000.0) / (measuredSeconds / 60.0), 3))
                    .put("cpuPercentOfOneCore", round(server.cpuSeconds() / measuredSeconds * 100, 2))
                    .put("peakRssBytes", server.peakRssBytes())
                    .put("peakRssMiB", round(server.peakRssBytes() / 1048576.0, 1))
                    .put("metrics", metrics));
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
        b.append(String.format(Locale.ROOT, "arena-bench: %d rooms x %d players = %d bots, %d s measured after %d s warm-up, inputs at %d Hz%n",
                options.rooms, options.players, options.bots(), Math.round(measuredSeconds), options.warmupSeconds, options.inputHz));
        b.append(String.format(Locale.ROOT, "  players       %d joined of %d, %d playing at the end (%.0f on average while measuring)%n",
                total(Count.JOINED), options.bots(), playingAtEnd, averagePlayers()));
        b.append(String.format(Locale.ROOT, "  %s latency p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  p99.9 %.1f ms  max %.1f ms  (%d %ss)%n",
                latencyOf, latencyMillis(50), latencyMillis(90), latencyMillis(99), latencyMillis(99.9), maxLatencyMillis(),
                measured.getTotalCount(), latencyOf));
        if (latencyNote != null) {
            b.append("    ").append(latencyNote).append(System.lineSeparator());
        }
        b.append(String.format(Locale.ROOT, "  server->client %.0f B per player per second, %.0f messages/s; client->server %.0f B per player per second, %.0f messages/s%n",
                perPlayer(Count.BYTES_IN), rate(Count.MESSAGES_IN), perPlayer(Count.BYTES_OUT), rate(Count.MESSAGES_OUT)));
        b.append(String.format(Locale.ROOT, "  errors %d, disconnects %d, rejected joins %d%s%n",
                errors(), total(Count.DISCONNECTS), total(Count.REJECTED_JOINS), rejectedJoinReasons()));
        b.append(String.format(Locale.ROOT, "  load generator CPU %.1f s (%.0f%% of one core)%n",
                botCpuNanos / 1e9, measuredSeconds <= 0 ? 0 : botCpuNanos / 1e7 / measuredSeconds));
        if (server != null) {
            b.append(String.format(Locale.ROOT, "  server CPU %.2f s = %.2f user + %.2f sys (%.1f%% of one core, %.2f s per 1,000 players per minute), peak RSS %.0f MiB%n",
                    server.cpuSeconds(), server.userCpuSeconds(), server.systemCpuSeconds(),
                    server.cpuSeconds() / measuredSeconds * 100,
                    server.cpuSeconds() / (Math.max(1, averagePlayers()) / 1000.0) / (measuredSeconds / 60.0),
                    server.peakRssBytes() / 1048576.0));
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
