package dev.arena.server;

import dev.arena.server.config.ConfigException;
import dev.arena.server.config.ConfigLoader;
import dev.arena.server.config.ServerConfig;
import dev.arena.server.game.BuiltInGames;
import dev.arena.server.game.GameDefinition;
import dev.arena.server.game.GameFactory;
import dev.arena.server.metrics.PrometheusRegistryFactory;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
     * Starts a node that can run the built-in games plus games written
     * against the first API, by name; see {@link #launch(String[], List)}.
     *
     * @param customGames game factories by the name JOIN, {@code room.game} and {@code room.games} use
     */
    public static void launch(String[] args, Map<String, GameFactory> customGames) throws InterruptedException {
        List<GameDefinition> games = new ArrayList<>();
        customGames.forEach((name, factory) -> games.add(GameDefinition.of(name, factory)));
        launch(args, games);
    }

    /**
     * Starts a node that can run the built-in games plus {@code customGames}
     * ({@code room.games} picks the ones offered, all by default; JOIN names
     * one, {@code room.game} when it does not): the entry point for a game
     * developer's own {@code main}. Each game's declared settings are read
     * from its own section. Parses the same arguments as {@link #main};
     * exits the JVM on bad configuration.
     */
    public static void launch(String[] args, List<GameDefinition> customGames) throws InterruptedException {
        if (args.length > 1 || (args.length == 1 && args[0].startsWith("-"))) {
            System.err.println("usage: java -jar game-server.jar [config.yaml|config.json]");
            System.exit(2);
        }
        String file = args.length == 1 ? args[0] : null;
        List<GameDefinition> games = new ArrayList<>(BuiltInGames.ALL);
        for (GameDefinition custom : customGames) {
            if (games.stream().anyMatch(g -> g.name().equals(custom.name()))) {
                System.err.println("invalid configuration: two games are called " + custom.name());
                System.exit(2);
            }
            games.add(custom);
        }
        PrometheusMeterRegistry registry = PrometheusRegistryFactory.newRegistry();
        Vertx vertx = PrometheusRegistryFactory.newVertx(registry, new VertxOptions().setPreferNativeTransport(true));
        CountDownLatch started = new CountDownLatch(1);
        GameServer[] server = new GameServer[1];
        long[] drainMillis = new long[1];
        Throwable[] failure = new Throwable[1];
        ConfigLoader.load(vertx, file, System.getProperties(), System.getenv(), games)
                .map(json -> ServerConfig.fromJson(json, games))
                .compose(config -> {
                    drainMillis[0] = config.management().shutdownDrainMillis();
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
        log.info("game server on http://localhost:{}/ (WebSocket /ws), management on port {}",
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
