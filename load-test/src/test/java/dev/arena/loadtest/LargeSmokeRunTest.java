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
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short run of the arena-bench-large workload with a handful of bots: a
 * real server in this JVM with the workload's settings (the large world,
 * 2,000 orbs, views), the real tool. Asserts that the bots played and held
 * their views, never how fast.
 */
class LargeSmokeRunTest {
    private static final int BOTS = 12;

    @Test
    @Timeout(60)
    void botsPlayTheLargeWorldAndHoldOnlyTheirViews(@TempDir Path out) throws Exception {
        Map<String, String> settings = new HashMap<>(Workload.LARGE.serverSettings());
        settings.put("room.capacity", Integer.toString(BOTS));
        RunResult result;
        try (TestServer server = TestServer.start(settings)) {
            Options options = Options.parse("run", "--workload", "large", "--players", Integer.toString(BOTS),
                    "--url", "ws://127.0.0.1:" + server.port() + "/ws", "--warmup", "1", "--duration", "3",
                    "--seed", "3", "--out", out.toString());
            result = new LoadRun(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new LoadRun.Listener() { }).run();
        }

        assertThat(result.total(Count.JOINED)).isEqualTo(BOTS);
        assertThat(result.errors()).as("errors; first failures: %s", result.failures).isZero();
        assertThat(result.clean()).isTrue();
        assertThat(result.measured.getTotalCount()).as("input latencies recorded").isPositive();
        // 2,000 orbs and 12 players in 400 million square units: a view of radius 1,000 holds a handful.
        assertThat(result.entitiesPerUpdate()).as("entities a bot holds").isBetween(1.0, 60.0);
        JsonObject json = result.toJson();
        assertThat(json.getString("benchmark")).isEqualTo("arena-bench-large");
        assertThat(json.getJsonObject("parameters").getJsonObject("serverSettings").getString("arena.viewRadius"))
                .isEqualTo("1000");
        assertThat(json.getJsonObject("view").getDouble("entitiesPerUpdate")).isEqualTo(Math.round(result.entitiesPerUpdate() * 10) / 10.0);
        assertThat(result.summary()).contains("arena-bench-large: 1 rooms x 12 players", "entities held per update");
    }
}
