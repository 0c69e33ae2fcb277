package dev.arena.server;

import dev.arena.server.config.ConfigException;
import dev.arena.server.config.ConfigLoader;
import dev.arena.server.config.ServerConfig;
import dev.arena.server.game.GameFactory;
import dev.arena.server.metrics.PrometheusRegistryFactory;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar game-server.jar [config.yaml]}: starts one node on the
 * embedded defaults, overridden by the file, {@code -Darena.*} properties and
 * {@code ARENA_*} variables. Bad configuration exits with status 2 and a
 * message naming the key.
 */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        launch(args, Map.of());
    }

    /**
     * Starts a node that offers the built-in games plus {@code customGames}
     * (select one with {@code room.game}): the entry point for a game
     * developer's own {@code main}. Parses the same arguments as
     * {@link #main}; exits the JVM on bad configuration.
     *
     * @param customGames game factories by the name {@code room.game} uses
     */
    public static void launch(String[] args, Map<String, GameFactory> customGames) throws InterruptedException {
        if (args.length > 1 || (args.length == 1 && args[0].startsWith("-"))) {
            System.err.println("usage: java -jar game-server.jar [config.yaml|config.json]");
            System.exit(2);
        }
        String file = args.length == 1 ? args[0] : null;
        Set<String> gameNames = new HashSet<>(GameServer.BUILT_IN_GAMES);
        gameNames.addAll(customGames.keySet());
        PrometheusMeterRegistry registry = PrometheusRegistryFactory.newRegistry();
        Vertx vertx = PrometheusRegistryFactory.newVertx(registry, new VertxOptions().setPreferNativeTransport(true));
        CountDownLatch started = new CountDownLatch(1);
        GameServer[] server = new GameServer[1];
        long[] drainMillis = new long[1];
        Throwable[] failure = new Throwable[1];
        ConfigLoader.load(vertx, file, System.getProperties(), System.getenv())
                .map(json -> ServerConfig.fromJson(json, gameNames))
                .compose(config -> {
                    drainMillis[0] = config.management().shutdownDrainMillis();
                    Map<String, GameFactory> games = new HashMap<>(GameServer.builtInGames(config.arena()));
                    games.putAll(customGames);
                    return GameServer.start(vertx, config, games, registry);
                })
                .onComplete(result -> {
                    if (result.succeeded()) {
                        server[0] = result.result();
                    } else {
                        failure[0] = result.cause();
                    }
                    started.countDown();
                });
        started.await();
        if (failure[0] != null) {
            Throwable e = failure[0];
            System.err.println(e instanceof ConfigException ? "invalid configuration: " + e.getMessage()
                    : "the server could not start: " + e);
            vertx.close();
            System.exit(e instanceof ConfigException ? 2 : 1);
        }
        log.info("game server on {}://localhost:{}/ (WebSocket {}://localhost:{}/ws), management on port {}",
                server[0].tls() ? "https" : "http", server[0].httpPort(), server[0].tls() ? "wss" : "ws",
                server[0].httpPort(), server[0].managementPort());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            CountDownLatch stopped = new CountDownLatch(1);
            server[0].stop().eventually(() -> vertx.close()).onComplete(r -> stopped.countDown());
            try {
                // The drain, then up to 10 s to close connections and undeploy.
                stopped.await(drainMillis[0] + 10_000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "arena-shutdown"));
    }
}
