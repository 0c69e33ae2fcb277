package dev.arena.loadtest;

import dev.arena.loadtest.Stats.Count;
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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code run --game connect4} against a real server offering every built-in
 * game: 3 rooms of 2 bots play by the rules (never refused), finish games
 * and start rematches, and the report says its latency is of moves, with
 * what that includes. The server runs the game at 20 steps a second here so
 * a few seconds hold several whole games; asserts what the bots did, never
 * how fast.
 */
class ConnectFourBotsTest {
    @Test
    @Timeout(60)
    void botsPlayWholeGamesByTheRulesAndTheReportMeasuresMoves(@TempDir Path out) throws Exception {
        RunResult result;
        double moves;
        double rematches;
        double[] refusals = {-1};
        try (TestServer server = TestServer.start(Map.of("connect4.tickHz", "20"))) {
            Options options = Options.parse("run", "--url", "ws://127.0.0.1:" + server.port() + "/ws", "--game", "connect4",
                    "--rooms", "3", "--players", "2", "--warmup", "1", "--duration", "3", "--ramp", "100", "--seed", "5",
                    "--out", out.toString());
            // Read while every bot still plays: the run's end closes a room's two bots one after the other.
            LoadRun.Listener listener = new LoadRun.Listener() {
                @Override
                public void measureEnded() {
                    refusals[0] = server.counter("arena.messages.sent", "game", "connect4", "type", "rejected");
                }
            };
            result = new LoadRun(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    listener).run();
            Reports.write(result, out);
            moves = server.counter("arena.messages.received", "game", "connect4", "type", "move");
            rematches = server.counter("arena.messages.received", "game", "connect4", "type", "rematch");
        }

        assertThat(result.total(Count.JOINED)).isEqualTo(6);
        assertThat(result.errors()).as("errors; first failures: %s", result.failures).isZero();
        assertThat(result.clean()).isTrue();
        assertThat(refusals[0]).as("bots that play by the rules are never refused").isZero();
        assertThat(rematches).as("games finished and were asked to restart").isPositive();
        assertThat(result.measured.getTotalCount()).as("move latencies").isPositive();
        assertThat(result.total(Count.INPUTS_SENT)).as("a board game sends no INPUT").isZero();
        assertThat(moves).isGreaterThanOrEqualTo(result.measured.getTotalCount());

        JsonObject json = new JsonObject(Files.readString(out.resolve(Reports.JSON)));
        assertThat(json.getString("latencyOf")).isEqualTo("move");
        assertThat(json.getString("latencyNote")).contains("next step");
        assertThat(json.getJsonObject("errors").getLong("gameRefusals")).isZero();
        assertThat(Files.readString(out.resolve(Reports.SUMMARY))).contains("move latency p50", "(", "moves)");
        assertThat(Files.readString(out.resolve(Reports.HTML))).contains("Move latency over time");
    }
}
