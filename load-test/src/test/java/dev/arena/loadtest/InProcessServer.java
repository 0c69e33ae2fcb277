package dev.arena.loadtest;

import dev.arena.server.GameServer;
import dev.arena.server.config.ConfigLoader;
import dev.arena.server.config.ServerConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A real game server in this JVM, on loopback ports the OS picks, with the embedded defaults plus overrides. */
final class InProcessServer implements AutoCloseable {
    private final Vertx vertx;
    private final GameServer server;

    private InProcessServer(Vertx vertx, GameServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    /** @param overrides configuration keys (config/README.md) to values, e.g. {@code room.capacity -> 5} */
    static InProcessServer start(Map<String, String> overrides) throws Exception {
        Map<String, String> properties = new HashMap<>();
        properties.put("arena.http.host", "127.0.0.1");
        properties.put("arena.http.port", "0");
        properties.put("arena.management.host", "127.0.0.1");
        properties.put("arena.management.port", "0");
        overrides.forEach((k, v) -> properties.put(ConfigLoader.PROPERTY_PREFIX + k, v));
        Vertx vertx = Vertx.vertx();
        try {
            var json = ConfigLoader.load(vertx, null, properties, Map.of()).await(10, TimeUnit.SECONDS);
            ServerConfig config = ServerConfig.fromJson(json, GameServer.BUILT_IN_GAMES);
            GameServer server = GameServer.start(vertx, config, GameServer.builtInGames(config.arena()),
                    new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)).await(10, TimeUnit.SECONDS);
            return new InProcessServer(vertx, server);
        } catch (Exception | Error e) {
            vertx.close();
            throw e;
        }
    }

    String url() {
        return "ws://127.0.0.1:" + server.httpPort() + "/ws";
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop().await(10, TimeUnit.SECONDS);
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }
}
