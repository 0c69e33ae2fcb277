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
 * A join the server refuses is a failed join of the run, counted by reason
 * and never retried: a retry would hide a server that refuses players it has
 * seats for. The server here has fewer seats than the run asks for: one room
 * ({@code room.maxRooms=1}) of two seats, for 2 rooms x 3 bots.
 */
class RefusedJoinTest {
    @Test
    @Timeout(60)
    void refusedJoinsFailTheRunAreCountedByReasonAndAreNotRetried(@TempDir Path out) throws Exception {
        RunResult result;
        double refusedFull;
        double refusedServerFull;
        try (TestServer server = TestServer.start(Map.of("room.capacity", "2", "room.maxRooms", "1"))) {
            Options options = Options.parse("run", "--url", "ws://127.0.0.1:" + server.port() + "/ws", "--rooms", "2",
                    "--players", "3", "--warmup", "0", "--duration", "1", "--ramp", "100", "--out", out.toString());
            result = new LoadRun(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new LoadRun.Listener() { }).run();
            Reports.write(result, out);
            refusedFull = server.counter("arena.joins.refused", "reason", "room_full");
            refusedServerFull = server.counter("arena.joins.refused", "reason", "server_full");
        }

        // Room 0: two bots seated, the third refused as room full. Room 1: its first bot finds the server
        // full, and its two others are never started.
        assertThat(result.total(Count.JOINED)).isEqualTo(2);
        assertThat(result.rejectedJoinsByReason)
                .isEqualTo(Map.of("room_full", 1L, "server_full", 1L, "first_bot_failed", 2L));
        assertThat(result.total(Count.REJECTED_JOINS)).isEqualTo(4);
        assertThat(refusedFull).as("JOINs the server refused as room full: one, not retried").isEqualTo(1);
        assertThat(refusedServerFull).isEqualTo(1);
        assertThat(result.clean()).isFalse();
        assertThat(result.failures).anyMatch(f -> f.contains("join refused: 4000"));

        JsonObject json = new JsonObject(Files.readString(out.resolve(Reports.JSON)));
        assertThat(json.getLong("rejectedJoins")).isEqualTo(4);
        assertThat(json.getJsonObject("rejectedJoinsByReason").encode())
                .isEqualTo("{\"first_bot_failed\":2,\"room_full\":1,\"server_full\":1}");
        assertThat(json.containsKey("joinRetriesRoomFull")).isFalse();
        assertThat(Files.readString(out.resolve(Reports.SUMMARY)))
                .contains("rejected joins 4 (first_bot_failed 2, room_full 1, server_full 1)");
    }
}
