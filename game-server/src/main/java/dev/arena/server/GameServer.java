package dev.arena.server;

import dev.arena.server.config.ServerConfig;
import dev.arena.server.game.GameFactory;
import dev.arena.server.game.arena.ArenaGame;
import dev.arena.server.game.arena.ArenaSettings;
import dev.arena.server.metrics.GameMetrics;
import dev.arena.server.metrics.MicrometerGameMetrics;
import dev.arena.server.room.JoinRequest;
import dev.arena.server.room.JoinResult;
import dev.arena.server.room.LocalCodec;
import dev.arena.server.room.RoomRegistryVerticle;
import dev.arena.server.room.RoomStatus;
import dev.arena.server.transport.GameHttpVerticle;
import dev.arena.server.transport.ManagementVerticle;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One game server node on a {@link Vertx}: the room registry, the players'
 * HTTP/WebSocket servers and the management server. Embeddable: tests and
 * the load-test start it in-process on port 0.
 */
public final class GameServer {
    private final Vertx vertx;
    private final List<String> deployments = new ArrayList<>();
    private int httpPort;
    private int managementPort;

    private GameServer(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Names of the games {@link #builtInGames} provides. */
    public static final java.util.Set<String> BUILT_IN_GAMES = java.util.Set.of("arena");

    /** The games this server ships with, by {@code room.game} name. */
    public static Map<String, GameFactory> builtInGames(ArenaSettings arena) {
        return Map.of("arena", (world, random) -> new ArenaGame(world, arena, random));
    }

    /**
     * Deploys a server node.
     *
     * @param registry where meters go; its scrape is served on the management port
     */
    public static Future<GameServer> start(Vertx vertx, ServerConfig config, Map<String, GameFactory> games,
                                           PrometheusMeterRegistry registry) {
        GameServer server = new GameServer(vertx);
        registerCodecs(vertx.eventBus());
        GameMetrics metrics = new MicrometerGameMetrics(registry);
        GameFactory game = games.get(config.room().game());
        long tooSlowNanos = config.session().tooSlowMillis() * 1_000_000L;
        ManagementVerticle management = new ManagementVerticle(config.management(), registry);
        GameHttpVerticle firstHttp = new GameHttpVerticle(config.http(), config.http().port(), config.session(), metrics);
        return server.deploy(new RoomRegistryVerticle(config.room(), tooSlowNanos, game, metrics))
                .compose(v -> server.deploy(management))
                .compose(v -> server.deploy(firstHttp))
                .compose(v -> {
                    server.managementPort = management.actualPort();
                    server.httpPort = firstHttp.actualPort();
                    Future<Void> more = Future.succeededFuture();
                    for (int i = 1; i < config.http().instances(); i++) {
                        more = more.compose(x -> server.deploy(
                                new GameHttpVerticle(config.http(), server.httpPort, config.session(), metrics)));
                    }
                    return more;
                })
                .map(server)
                .onFailure(e -> server.stop());
    }

    private Future<Void> deploy(io.vertx.core.Deployable verticle) {
        return vertx.deployVerticle(verticle).map(id -> {
            deployments.add(id);
            return null;
        });
    }

    private static void registerCodecs(EventBus bus) {
        try {
            LocalCodec.register(bus, JoinRequest.class);
            LocalCodec.register(bus, JoinResult.class);
            LocalCodec.register(bus, RoomStatus.class);
        } catch (IllegalStateException alreadyRegistered) {
            // A second server on the same Vertx (tests): the codecs are there already.
        }
    }

    public int httpPort() {
        return httpPort;
    }

    public int managementPort() {
        return managementPort;
    }

    /** Undeploys everything this server deployed, players' servers first (they get 1001). */
    public Future<Void> stop() {
        Future<Void> chain = Future.succeededFuture();
        List<String> reversed = new ArrayList<>(deployments);
        java.util.Collections.reverse(reversed);
        for (String id : reversed) {
            chain = chain.compose(v -> vertx.undeploy(id).otherwiseEmpty());
        }
        deployments.clear();
        return chain;
    }
}
