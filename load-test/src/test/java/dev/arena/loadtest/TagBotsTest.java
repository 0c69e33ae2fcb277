package dev.arena.loadtest;

import dev.arena.loadtest.Stats.Count;
import dev.arena.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code run --game tag} against the stock server (arena and tag offered) in
 * this JVM: 2 rooms of 4 bots play tag for a few seconds on a small field,
 * with no error, their input latency measured through the echoed seq, and
 * they really play: the server sends "tagged" events.
 */
class TagBotsTest {
    @Test
    @Timeout(60)
    void botsPlayTagWithoutErrorsAndTagEachOther(@TempDir Path out) throws Exception {
        try (TestServer server = TestServer.start(Map.of("tag.capacity", "4", "tag.worldWidth", "300",
                "tag.worldHeight", "200", "tag.freezeSeconds", "0.5"))) {
            Options options = Options.parse("run", "--url", "ws://127.0.0.1:" + server.port() + "/ws", "--game", "tag",
                    "--rooms", "2", "--players", "4", "--warmup", "1", "--duration", "4", "--ramp", "100", "--seed", "5",
                    "--out", out.toString());
            RunResult result = new LoadRun(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new LoadRun.Listener() { }).run();

            assertThat(result.total(Count.JOINED)).isEqualTo(8);
            assertThat(result.errors()).as("errors; first failures: %s", result.failures).isZero();
            assertThat(result.clean()).isTrue();
            assertThat(result.measured(Count.INPUTS_SENT)).isPositive();
            assertThat(result.measured.getTotalCount()).as("input latencies, through the player's lastSeq").isPositive();
            assertThat(server.counter("arena.messages.sent", "game", "tag", "type", "tagged"))
                    .as("the bots chase and tag").isPositive();
            assertThat(server.counter("arena.joins")).isEqualTo(8);
        }
    }
}
