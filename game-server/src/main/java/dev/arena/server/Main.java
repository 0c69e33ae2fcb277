package dev.arena.server;

import dev.arena.server.cluster.ClusteredVertx;
import dev.arena.server.config.ConfigException;
import dev.arena.server.config.ConfigLoader;
import dev.arena.server.config.ServerConfig;
import dev.arena.server.game.BuiltInGames;
import dev.arena.server.game.GameDefinition;
import dev.arena.server.game.GameFactory;
import dev.arena.server.metrics.PrometheusRegistryFactory;
import dev.arena.server.ops.BuildInfo;
import dev.arena.server.ops.LogFormat;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.transport.Transport;
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
 * {@code ARENA_*} variables. Bad configuration or a bad argument exits with
 * status 2 and a message naming it; {@code --version} and {@code --help}
 * print and exit 0.
 */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);
    /**
     * How long the shutdown hook waits, past the drain, for players to be
     * closed and the server undeployed. Closing takes at most the WebSocket
     * closing timeout (1 s, GameHttpVerticle) for a client that does not
     * answer the close frame; the rest is slack for a loaded machine.
     */
    private static final long STOP_BUDGET_MILLIS = 2_500;

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
        CommandLine command = CommandLine.parse(args);
        switch (command.action()) {
            case HELP -> {
                System.out.print(CommandLine.USAGE);
                System.exit(0);
            }
            case VERSION -> {
                System.out.println(BuildInfo.current().describe("game-server"));
                System.exit(0);
            }
            case BAD -> {
                System.err.println("game-server: " + command.error());
                System.err.print(CommandLine.USAGE);
                System.exit(2);
            }
            case RUN -> run(command.file(), customGames);
        }
    }

    private static void run(String file, List<GameDefinition> customGames) throws InterruptedException {
        List<GameDefinition> games = new ArrayList<>(BuiltInGames.ALL);
        for (GameDefinition custom : customGames) {
            if (games.stream().anyMatch(g -> g.name().equals(custom.name()))) {
                System.err.println("invalid configuration: two games are called " + custom.name());
                System.exit(2);
            }
            games.add(custom);
        }
        PrometheusMeterRegistry[] registry = {PrometheusRegistryFactory.newRegistry()};
        Vertx[] vertx = {PrometheusRegistryFactory.newVertx(registry[0], new VertxOptions())};
        CountDownLatch started = new CountDownLatch(1);
        GameServer[] server = new GameServer[1];
        long[] drainMillis = new long[1];
        Throwable[] failure = new Throwable[1];
        ConfigLoader.load(vertx[0], file, System.getProperties(), System.getenv(), games)
                .map(json -> ServerConfig.fromJson(json, games))
                .compose(config -> {
                    if (!LogFormat.apply(config.log()) && config.log().json()) {
                        log.warn("log.format json is ignored: logging is not configured by the server's logback.xml");
                    }
                    drainMillis[0] = config.management().shutdownDrainMillis();
                    if (!config.cluster().enabled()) {
                        return GameServer.start(vertx[0], config, games, registry[0]);
                    }
                    // A clustered node needs a clustered Vert.x, which exists only once the configuration is read:
                    // the one that read it goes, with its meters.
                    return vertx[0].close().compose(v -> {
                        registry[0] = PrometheusRegistryFactory.newRegistry();
                        return ClusteredVertx.start(registry[0], new VertxOptions(), config.cluster());
                    }).compose(clustered -> {
                        vertx[0] = clustered;
                        return GameServer.start(clustered, config, games, registry[0]);
                    });
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
            vertx[0].close();
            System.exit(e instanceof ConfigException ? 2 : 1);
        }
        // With TLS the same port speaks https and wss only.
        log.info("{} on {}://localhost:{}/ (WebSocket /ws), management on port {}, transport {}",
                BuildInfo.current().describe("game-server"), server[0].tls() ? "https" : "http", server[0].httpPort(),
                server[0].managementPort(), transport(vertx[0]));
        Vertx running = vertx[0];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(running, server[0], drainMillis[0]), "arena-shutdown"));
    }

    /** On SIGTERM: the drain, players closed, everything undeployed, then the JVM may exit. */
    private static void stop(Vertx vertx, GameServer server, long drainMillis) {
        long start = System.nanoTime();
        CountDownLatch stopped = new CountDownLatch(1);
        server.stop().eventually(vertx::close).onComplete(r -> stopped.countDown());
        try {
            if (stopped.await(drainMillis + STOP_BUDGET_MILLIS, TimeUnit.MILLISECONDS)) {
                log.info("stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            } else {
                log.warn("not stopped after {} ms; exiting anyway", drainMillis + STOP_BUDGET_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Which network transport Vert.x runs on and, when it is NIO, why not the native one. */
    static String transport(Vertx vertx) {
        if (vertx.isNativeTransportEnabled()) {
            Transport chosen = Transport.nativeTransport();
            return chosen == null ? "native" : chosen.name();
        }
        Throwable cause = vertx.unavailableNativeTransportCause();
        return "nio (" + (cause == null ? "no native transport for " + System.getProperty("os.name")
                : "the native transport is unavailable: " + cause) + ")";
    }
}
