package dev.arena.server.support;

import dev.arena.server.GameServer;
import dev.arena.server.cluster.ClusteredVertx;
import dev.arena.server.config.ConfigLoader;
import dev.arena.server.config.ServerConfig;
import dev.arena.server.game.BuiltInGames;
import dev.arena.server.game.GameDefinition;
import dev.arena.server.game.GameFactory;
import dev.arena.server.metrics.PrometheusRegistryFactory;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real server node on loopback ports chosen by the OS, with the embedded
 * defaults plus the given {@code key -> value} overrides (keys as in
 * config/README.md, for example {@code room.capacity}). Management binds
 * its default address, 127.0.0.1.
 */
public final class TestServer implements AutoCloseable {
    public final Vertx vertx;
    public final GameServer server;
    public final ServerConfig config;
    public final PrometheusMeterRegistry registry;

    private TestServer(Vertx vertx, GameServer server, ServerConfig config, PrometheusMeterRegistry registry) {
        this.vertx = vertx;
        this.server = server;
        this.config = config;
        this.registry = registry;
    }

    public static TestServer start(Map<String, String> overrides) throws Exception {
        return start(overrides, BuiltInGames.ALL);
    }

    /** @param games games of the first API by name, the only ones the server can run */
    public static TestServer start(Map<String, String> overrides, Map<String, GameFactory> games) throws Exception {
        List<GameDefinition> definitions = new ArrayList<>();
        games.forEach((name, factory) -> definitions.add(GameDefinition.of(name, factory)));
        return start(overrides, definitions);
    }

    /**
     * @param games the games the server can run ({@code room.games} empty offers them all), and the
     *              first one is the default unless the overrides set {@code room.game}
     */
    public static TestServer start(Map<String, String> overrides, List<GameDefinition> games) throws Exception {
        Map<String, String> properties = new HashMap<>();
        properties.put("arena.http.host", "127.0.0.1");
        properties.put("arena.http.port", "0");
        properties.put("arena.http.instances", "2");
        properties.put("arena.management.port", "0");
        properties.put(ConfigLoader.PROPERTY_PREFIX + "room.game", games.get(0).name());
        overrides.forEach((k, v) -> properties.put(ConfigLoader.PROPERTY_PREFIX + k, v));
        // The same registry and Vert.x metrics as Main, so a test's scrape is production's.
        PrometheusMeterRegistry registry = PrometheusRegistryFactory.newRegistry();
        Vertx vertx = PrometheusRegistryFactory.newVertx(registry, new VertxOptions());
        try {
            var json = ConfigLoader.load(vertx, null, properties, Map.of(), games).await(10, TimeUnit.SECONDS);
            ServerConfig config = ServerConfig.fromJson(json, games);
            GameServer server = GameServer.start(vertx, config, games, registry).await(10, TimeUnit.SECONDS);
            return new TestServer(vertx, server, config, registry);
        } catch (Exception | Error e) {
            vertx.close();
            throw e;
        }
    }

    /**
     * A node of a cluster on loopback: Hazelcast on {@code clusterPort}, joining {@code members}
     * ({@code host:port}, comma-separated; empty to start a cluster). Its configuration is read with a
     * plain Vert.x first, as {@code Main} does.
     */
    public static TestServer startClustered(int clusterPort, String members, Map<String, String> overrides)
            throws Exception {
        Map<String, String> properties = new HashMap<>();
        properties.put("arena.http.host", "127.0.0.1");
        properties.put("arena.http.port", "0");
        properties.put("arena.management.port", "0");
        properties.put("arena.cluster.enabled", "true");
        properties.put("arena.cluster.host", "127.0.0.1");
        properties.put("arena.cluster.port", String.valueOf(clusterPort));
        properties.put("arena.cluster.members", members);
        overrides.forEach((k, v) -> properties.put(ConfigLoader.PROPERTY_PREFIX + k, v));
        List<GameDefinition> games = BuiltInGames.ALL;
        Vertx reader = Vertx.vertx();
        ServerConfig config;
        try {
            config = ServerConfig.fromJson(ConfigLoader.load(reader, null, properties, Map.of(), games)
                    .await(10, TimeUnit.SECONDS), games);
        } finally {
            reader.close().await(10, TimeUnit.SECONDS);
        }
        PrometheusMeterRegistry registry = PrometheusRegistryFactory.newRegistry();
        Vertx vertx = ClusteredVertx.start(registry, new VertxOptions(), config.cluster()).await(60, TimeUnit.SECONDS);
        try {
            GameServer server = GameServer.start(vertx, config, games, registry).await(30, TimeUnit.SECONDS);
            return new TestServer(vertx, server, config, registry);
        } catch (Exception | Error e) {
            vertx.close();
            throw e;
        }
    }

    /** A TCP port free now on loopback (for Hazelcast, whose member port cannot be 0). */
    public static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public int port() {
        return server.httpPort();
    }

    /** Sum of a counter (over all its tags) in this server's registry, 0 when absent. */
    public double counter(String name, String... tags) {
        var search = registry.find(name);
        if (tags.length > 0) {
            search = search.tags(tags);
        }
        return search.counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /** A gauge's value in this server's registry (summed over its tags), 0 when absent. */
    public double gauge(String name) {
        return registry.find(name).gauges().stream().mapToDouble(g -> g.value()).sum();
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
