package dev.arena.loadtest;

import dev.arena.loadtest.floor.FloorServer;
import dev.arena.loadtest.floor.FloorSettings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * The bench runner: starts the server jar (or, with {@code --floor}, the
 * floor server) as a child process with the JVM flags under test, runs the
 * bots against it, and adds the server's CPU time over the measured window
 * and its peak RSS to the figures, and with {@code --floor-result} its
 * ratio to the floor's. The capacity
 * search repeats that with more rooms until input latency p99 reaches the
 * limit or anything goes wrong, each step on a fresh server.
 */
public final class Bench {
    /** A capacity search stops after this many runs whatever happens. */
    private static final int MAX_RUNS = 16;
    /** P of the arena-bench room whose mean DELTA the floor writes. */
    private static final int ARENA_BENCH_PLAYERS = 20;

    private Bench() {
    }

    /** One run on a fresh server with {@code rooms} rooms; its files go to {@code out}. */
    public static RunResult bench(Options o, int rooms, Path out, PrintStream progress) throws Exception {
        Files.createDirectories(out);
        Path log = out.resolve("server.log");
        progress.println("starting " + (o.floor ? "the floor server" : o.serverJar) + " " + String.join(" ", o.jvmFlags)
                + (o.floor ? "" : " " + o.workload.option() + " workload " + o.workload.serverSettings())
                + " (log: " + log + ")");
        if (o.nodes > 1) {
            progress.println(o.nodes + " nodes clustered on loopback; the bots join the first and follow its redirects");
        }
        try (BenchServer server = o.floor ? ServerProcess.startFloor(o.jvmFlags, log)
                : o.nodes > 1 ? ServerCluster.start(o.serverJar, o.jvmFlags, rooms, o.players, o.workload.serverSettings(),
                o.nodes, out)
                : ServerProcess.start(o.serverJar, o.jvmFlags, rooms, o.players, o.workload.serverSettings(), log)) {
            Options run = o.withRun(URI.create("ws://127.0.0.1:" + server.httpPort() + "/ws"), rooms, out);
            if (o.floor && o.players != ARENA_BENCH_PLAYERS) {
                progress.println("note: the floor writes arena-bench's mean DELTA (" + FloorSettings.ARENA_BENCH_UPDATE_BYTES
                        + " bytes, rooms of " + ARENA_BENCH_PLAYERS + "); a game server's rooms of " + o.players
                        + " send another size");
            }
            if (o.floorResult != null) {
                // Said now, not only in the report: a pair that is not like for like is better stopped early.
                for (String warning : o.floorResult.warnings(RunResult.parameters(run), o.jvmFlags, Instant.now())) {
                    progress.println("warning: --floor-result: " + warning);
                }
            }
            long[][] cpu = new long[2][];
            long[][] sys = new long[2][];
            LoadRun load = new LoadRun(run, progress, new LoadRun.Listener() {
                @Override
                public void measureStarted() {
                    cpu[0] = server.userSystemNanos();
                    sys[0] = server.syscallsAndSwitches();
                }

                @Override
                public void measureEnded() {
                    cpu[1] = server.userSystemNanos();
                    sys[1] = server.syscallsAndSwitches();
                }
            });
            RunResult result = load.run();
            // Peak RSS and the server's counters before the server stops (the bots have closed by now).
            double user = cpu[0] == null || cpu[1] == null ? -1 : (cpu[1][0] - cpu[0][0]) / 1e9;
            double system = cpu[0] == null || cpu[1] == null ? -1 : (cpu[1][1] - cpu[0][1]) / 1e9;
            java.util.Map<String, Double> counters = server.troubleCounters();
            if (sys[0] != null && sys[1] != null && result.measuredSeconds > 0) {
                // Evidence for where system time goes: syscalls and context switches per second.
                counters.put("readSyscallsPerSecond", Math.rint((sys[1][0] - sys[0][0]) / result.measuredSeconds));
                counters.put("writeSyscallsPerSecond", Math.rint((sys[1][1] - sys[0][1]) / result.measuredSeconds));
                counters.put("contextSwitchesPerSecond", Math.rint((sys[1][2] - sys[0][2]) / result.measuredSeconds));
            }
            result.server = new RunResult.ServerFigures(
                    o.floor ? RunResult.ServerFigures.FLOOR : RunResult.ServerFigures.GAME_SERVER,
                    o.floor ? floorCode() : o.serverJar.toString(), o.jvmFlags, server.pid(),
                    user + system, user, system, server.peakRssBytes(), counters);
            result.floor = o.floorResult;
            return result;
        }
    }

    /** Where the floor server's code came from: this tool's jar (or classes directory). */
    private static String floorCode() {
        try {
            return Path.of(FloorServer.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return FloorServer.class.getName();
        }
    }

    /**
     * Raises R (P fixed) from {@code --start-rooms} by {@code --step-rooms}
     * until a run fails (p99 at or over the limit, or any error), then halves
     * the gap between the last pass and the first failure a few times.
     */
    public static JsonObject capacity(Options o, PrintStream progress) throws Exception {
        JsonArray steps = new JsonArray();
        int lastPass = 0;
        int firstFail = 0;
        int rooms = o.startRooms;
        int runs = 0;
        while (rooms <= o.maxRooms && runs < MAX_RUNS) {
            boolean pass = step(o, rooms, steps, progress);
            runs++;
            if (pass) {
                lastPass = rooms;
                rooms += o.stepRooms;
            } else {
                firstFail = rooms;
                break;
            }
        }
        int resolution = Math.max(1, o.stepRooms / 4);
        while (firstFail > 0 && firstFail - lastPass > resolution && runs < MAX_RUNS) {
            int mid = (lastPass + firstFail) / 2;
            if (mid == lastPass || mid <= 0) {
                break;
            }
            boolean pass = step(o, mid, steps, progress);
            runs++;
            if (pass) {
                lastPass = mid;
            } else {
                firstFail = mid;
            }
        }
        JsonObject json = new JsonObject()
                .put("benchmark", "arena-bench capacity")
                .put("playersPerRoom", o.players)
                .put("p99LimitMs", o.p99LimitMillis)
                .put("warmupSeconds", o.warmupSeconds)
                .put("durationSeconds", o.durationSeconds)
                .put("server", o.floor ? RunResult.ServerFigures.FLOOR : o.serverJar.toString())
                .put("jvmFlags", new JsonArray(o.jvmFlags))
                .put("availableProcessors", Runtime.getRuntime().availableProcessors())
                .put("capacityRooms", lastPass)
                .put("capacityPlayers", lastPass * o.players)
                .put("firstFailingRooms", firstFail == 0 ? null : firstFail)
                .put("steps", steps);
        if (firstFail == 0) {
            json.put("note", "no run failed up to --max-rooms " + o.maxRooms + ": the capacity is at least that");
        }
        return json;
    }

    private static boolean step(Options o, int rooms, JsonArray steps, PrintStream progress) throws Exception {
        progress.println(String.format(Locale.ROOT, "== capacity: %d rooms x %d players = %d bots", rooms, o.players,
                rooms * o.players));
        RunResult r;
        try {
            r = bench(o, rooms, o.out.resolve("rooms-" + rooms), progress);
        } catch (IOException e) {
            progress.println("== the run could not start: " + e.getMessage());
            steps.add(new JsonObject().put("rooms", rooms).put("players", rooms * o.players).put("pass", false)
                    .put("failure", e.getMessage()));
            return false;
        }
        Reports.write(r, r.options.out);
        double p99 = r.latencyMillis(99);
        boolean pass = r.clean() && p99 < o.p99LimitMillis;
        JsonObject json = r.toJson();
        steps.add(new JsonObject().put("rooms", rooms).put("players", rooms * o.players).put("pass", pass)
                .put("inputLatencyMs", json.getJsonObject("inputLatencyMs"))
                .put("errors", r.errors())
                .put("disconnects", json.getLong("disconnects"))
                .put("rejectedJoins", json.getLong("rejectedJoins"))
                .put("rejectedJoinsByReason", json.getJsonObject("rejectedJoinsByReason"))
                .put("serverCpuPercentOfOneCore", json.getJsonObject("server").getDouble("cpuPercentOfOneCore"))
                .put("loadGeneratorCpuPercentOfOneCore", json.getJsonObject("loadGenerator").getDouble("cpuPercentOfOneCore"))
                .put("serverPeakRssMiB", json.getJsonObject("server").getDouble("peakRssMiB"))
                .put("report", r.options.out.resolve("report.html").toString()));
        progress.println(String.format(Locale.ROOT, "== %d players: p99 %.1f ms, %d errors, clean %s -> %s", rooms * o.players,
                p99, r.errors(), r.clean(), pass ? "PASS" : "FAIL"));
        return pass;
    }
}
