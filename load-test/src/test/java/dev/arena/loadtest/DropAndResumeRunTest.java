package dev.arena.loadtest;

import dev.arena.loadtest.Stats.Count;
import dev.arena.server.game.arena.ArenaGame;
import dev.arena.server.support.TallyGame;
import dev.arena.server.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bots on flaky networks: a short run of the real tool against a real server
 * in this JVM in which every bot cuts its TCP connection about once a second
 * (no close frame) and takes its seat back with RESUME. Every resume
 * succeeds, nothing counts as an error or a disconnect, and the server saw
 * the same resumes the bots did; the bots of a game of the second API
 * (game MESSAGEs, no acknowledged inputs) resume just as well; and against a
 * cluster of two nodes, a bot redirected to the other node resumes there,
 * where its seat is, never at the node it entered by.
 */
class DropAndResumeRunTest {
    @Test
    @Timeout(60)
    void botsThatDropEverySecondAllResumeAndTheRunStaysClean(@TempDir Path out) throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        RunResult result;
        double serverResumes;
        double serverDrops;
        try (TestServer server = TestServer.start(Map.of("room.capacity", "3"))) {
            Options options = Options.parse("run", "--url", "ws://127.0.0.1:" + server.port() + "/ws", "--rooms", "2",
                    "--players", "3", "--warmup", "1", "--duration", "4", "--ramp", "100", "--seed", "9",
                    "--drop-every", "1", "--out", out.toString());
            result = new LoadRun(options, new PrintStream(progress, true, StandardCharsets.UTF_8),
                    new LoadRun.Listener() { }).run();
            Reports.write(result, out);
            serverResumes = server.counter("arena.resumes", "result", "resumed")
                    + server.counter("arena.resumes", "result", "taken_over");
            // A cut the server has not noticed yet when the bot's RESUME arrives is closed as taken over
            // (4009) instead of as a drop: both are the cut, seen from the server.
            serverDrops = server.counter("arena.connections.closed", "reason", "abnormal")
                    + server.counter("arena.connections.closed", "reason", "taken_over");
            assertThat(server.counter("arena.resumes", "result", "expired")
                    + server.counter("arena.resumes", "result", "unknown")).as("refused resumes").isZero();
        }

        long attempted = result.total(Count.RESUMES_ATTEMPTED);
        long succeeded = result.total(Count.RESUMES_SUCCEEDED);
        assertThat(attempted).as("6 bots cutting about once a second for over 5 s").isGreaterThanOrEqualTo(12);
        assertThat(result.total(Count.RESUMES_FAILED)).as("failed resumes; first failures: %s", result.failures).isZero();
        assertThat(succeeded).as("a cut still resuming when the run ended is the only gap").isBetween(attempted - 6, attempted);
        assertThat(serverResumes).as("resumes the server answered (one may be answered as the run stops)")
                .isBetween((double) succeeded, (double) attempted);
        assertThat(serverDrops).as("cuts the server saw as drops (no close frame) or as taken over by the resume").isBetween((double) succeeded,
                (double) attempted);
        assertThat(result.errors()).as("errors; first failures: %s", result.failures).isZero();
        assertThat(result.total(Count.DISCONNECTS)).isZero();
        assertThat(result.playingAtEnd).as("bots resuming still hold their seats").isEqualTo(6);
        assertThat(result.measured.getTotalCount()).as("input latencies measured between the cuts").isPositive();
        assertThat(result.clean()).isTrue();

        JsonObject json = new JsonObject(Files.readString(out.resolve(Reports.JSON)));
        assertThat(json.getJsonObject("resumes").getLong("attempted")).isEqualTo(attempted);
        assertThat(json.getJsonObject("resumes").getLong("failed")).isZero();
        assertThat(json.getJsonObject("parameters").getInteger("dropEverySeconds")).isEqualTo(1);
        assertThat(Files.readString(out.resolve(Reports.SUMMARY)))
                .contains("resumes       " + attempted + " attempted, " + succeeded + " succeeded, 0 failed");
    }

    @Test
    @Timeout(60)
    void theBotsOfAnotherGameResumeToo(@TempDir Path out) throws Exception {
        try (TestServer server = TestServer.start(Map.of(), List.of(ArenaGame.DEFINITION, TallyGame.DEFINITION))) {
            Options options = Options.parse("run", "--url", "ws://127.0.0.1:" + server.port() + "/ws", "--game", "tally",
                    "--rooms", "2", "--players", "2", "--warmup", "0", "--duration", "4", "--ramp", "100", "--seed", "4",
                    "--drop-every", "1", "--out", out.toString());
            RunResult result = new LoadRun(options, new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8), new LoadRun.Listener() { }).run();
            assertThat(result.total(Count.RESUMES_ATTEMPTED)).as("4 bots cutting about once a second").isGreaterThanOrEqualTo(6);
            assertThat(result.total(Count.RESUMES_FAILED)).as("failed resumes; first failures: %s", result.failures).isZero();
            assertThat(result.errors()).as("errors; first failures: %s", result.failures).isZero();
            assertThat(result.clean()).isTrue();
            assertThat(server.counter("arena.resumes", "result", "resumed")
                    + server.counter("arena.resumes", "result", "taken_over")).isPositive();
        }
    }

    @Test
    @Timeout(90)
    void botsRedirectedToAnotherNodeOfAClusterResumeOnThatNode(@TempDir Path out) throws Exception {
        int portA = TestServer.freePort();
        int portB = TestServer.freePort();
        String members = "127.0.0.1:" + portA + ",127.0.0.1:" + portB;
        Map<String, String> settings = Map.of("room.capacity", "2");
        try (TestServer a = TestServer.startClustered(portA, members, settings);
             TestServer b = TestServer.startClustered(portB, members, settings)) {
            // Two rooms of two from node A: the second room opens on the less loaded node, B, so the bots
            // of one room at least are redirected there.
            Options options = Options.parse("run", "--url", "ws://127.0.0.1:" + a.port() + "/ws", "--rooms", "2",
                    "--players", "2", "--warmup", "0", "--duration", "4", "--ramp", "100", "--seed", "5",
                    "--drop-every", "1", "--out", out.toString());
            RunResult result = new LoadRun(options, new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8), new LoadRun.Listener() { }).run();
            assertThat(result.total(Count.REDIRECTS)).as("bots that followed a REDIRECT to node B").isPositive();
            assertThat(result.total(Count.RESUMES_ATTEMPTED)).isGreaterThanOrEqualTo(6);
            assertThat(result.total(Count.RESUMES_FAILED)).as("failed resumes; first failures: %s", result.failures)
                    .isZero();
            assertThat(result.errors()).as("errors; first failures: %s", result.failures).isZero();
            assertThat(b.counter("arena.resumes", "result", "resumed")
                    + b.counter("arena.resumes", "result", "taken_over")).as("resumes on the node of the seat").isPositive();
            assertThat(a.counter("arena.resumes", "result", "unknown")).as("resumes sent to the entry node").isZero();
        }
    }
}
