package dev.arena.loadtest;

import dev.arena.loadtest.Stats.Count;
import dev.arena.server.game.arena.ArenaGame;
import dev.arena.server.support.TallyGame;
import dev.arena.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --game NAME}: the bots join that game's rooms on a server offering
 * several, play it with the game's bot behaviour (a game without one of its
 * own steers and measures no latency), and a game the server does not offer
 * is a refused join by reason.
 */
class GameBotsTest {
    private static RunResult run(TestServer server, Path out, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--url", "ws://127.0.0.1:" + server.port() + "/ws",
                "--warmup", "0", "--duration", "2", "--ramp", "100", "--seed", "3", "--out", out.toString()));
        args.addAll(List.of(more));
        Options options = Options.parse(args.toArray(String[]::new));
        return new LoadRun(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new LoadRun.Listener() { }).run();
    }

    @Test
    @Timeout(60)
    void botsJoinTheNamedGameOnlyAndPlayItWithoutErrors(@TempDir Path out) throws Exception {
        try (TestServer server = TestServer.start(Map.of(), List.of(ArenaGame.DEFINITION, TallyGame.DEFINITION))) {
            RunResult result = run(server, out, "--game", "tally", "--rooms", "2", "--players", "2");
            assertThat(result.toJson().getJsonObject("parameters").getString("game")).isEqualTo("tally");
            assertThat(result.total(Count.JOINED)).isEqualTo(4);
            assertThat(result.errors()).as("errors; first failures: %s", result.failures).isZero();
            assertThat(result.clean()).isTrue();
            assertThat(result.measured(Count.UPDATES)).isPositive();
            assertThat(result.measured.getTotalCount()).as("tally has no acknowledged inputs: no latency").isZero();
            assertThat(server.counter("arena.joins")).isEqualTo(4);
            var tally = dev.arena.server.support.Http.get(server, "/api/games").body().getJsonArray("games")
                    .getJsonObject(1);
            assertThat(tally.getString("name")).isEqualTo("tally");
            assertThat(tally.getInteger("rooms")).as("2 rooms of tally.capacity 2").isEqualTo(2);
        }
    }

    @Test
    @Timeout(60)
    void aGameTheServerDoesNotOfferIsARefusedJoinByReason(@TempDir Path out) throws Exception {
        try (TestServer server = TestServer.start(Map.of())) {
            RunResult result = run(server, out, "--game", "chess", "--rooms", "1", "--players", "2");
            assertThat(result.total(Count.JOINED)).isZero();
            assertThat(result.rejectedJoinsByReason).isEqualTo(Map.of("unknown_game", 1L, "first_bot_failed", 1L));
            assertThat(result.clean()).isFalse();
        }
    }
}
