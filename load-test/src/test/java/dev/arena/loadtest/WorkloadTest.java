package dev.arena.loadtest;

import dev.arena.server.config.ConfigLoader;
import dev.arena.server.config.ServerConfig;
import dev.arena.server.game.BuiltInGames;
import dev.arena.server.game.arena.ArenaSettings;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings the bench runner starts the server with are keys the server
 * knows (an unknown one would stop it at start-up) and give exactly the
 * workload's world.
 */
class WorkloadTest {
    @Test
    void theLargeWorkloadsSystemPropertiesGiveTheServerTheLargeWorld() throws Exception {
        assertThat(Workload.LARGE.serverSettings()).containsExactly(Map.entry("arena.worldWidth", "20000"),
                Map.entry("arena.worldHeight", "20000"), Map.entry("arena.orbs", "2000"), Map.entry("arena.viewRadius", "1000"));
        assertThat(serverArenaWith(Workload.LARGE)).isEqualTo(ArenaSettings.LARGE);
        assertThat(Workload.ARENA.serverSettings()).isEmpty();
        assertThat(serverArenaWith(Workload.ARENA)).isEqualTo(ArenaSettings.BENCHMARK);
    }

    /** The arena settings of a server configured as {@link ServerProcess} configures it. */
    private static ArenaSettings serverArenaWith(Workload workload) throws Exception {
        Map<String, String> properties = new HashMap<>();
        workload.serverSettings().forEach((key, value) -> properties.put(ConfigLoader.PROPERTY_PREFIX + key, value));
        Vertx vertx = Vertx.vertx();
        try {
            JsonObject json = ConfigLoader.load(vertx, null, properties, Map.of(), BuiltInGames.ALL)
                    .await(10, TimeUnit.SECONDS);
            return ArenaSettings.from(ServerConfig.fromJson(json, BuiltInGames.ALL).game("arena").settings());
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }
}
