package dev.arena.server;

import dev.arena.server.admin.AdminApi;
import dev.arena.server.config.ConfigException;
import dev.arena.server.config.ServerConfig;
import dev.arena.server.config.TlsConfig;
import dev.arena.server.game.GameDefinition;
import dev.arena.server.metrics.GameMetrics;
import dev.arena.server.metrics.MicrometerGameMetrics;
import dev.arena.server.metrics.TlsMetrics;
import dev.arena.server.ops.EventLoopProbe;
import dev.arena.server.ops.ManagementVerticle;
import dev.arena.server.ops.Readiness;
import dev.arena.server.ops.RoomScheduleCheck;
import dev.arena.server.ops.ServerLifecycle;
import dev.arena.server.cluster.ClusterCheck;
import dev.arena.server.cluster.ClusteredDirectory;
import dev.arena.server.metrics.ClusterMetrics;
import dev.arena.server.ops.ReadinessCheck;
import dev.arena.server.room.Addresses;
import dev.arena.server.room.Directory;
import dev.arena.server.room.JsonCodec;
import dev.arena.server.room.LocalDirectory;
import dev.arena.server.room.Reservation;
import dev.arena.server.room.SeatRequest;
import dev.arena.server.room.JoinRequest;
import dev.arena.server.room.JoinResult;
import dev.arena.server.room.LocalCodec;
import dev.arena.server.room.OfferedGame;
import dev.arena.server.room.RoomRegistryVerticle;
import dev.arena.server.room.ResumeRequest;
import dev.arena.server.room.RoomStatus;
import dev.arena.server.room.SeatEvent;
import dev.arena.server.room.TickMonitor;
import dev.arena.server.transport.Bans;
import dev.arena.server.transport.ConnectionLimits;
import dev.arena.server.transport.GameHttpVerticle;
import dev.arena.server.transport.PeerNodes;
import dev.arena.server.transport.SeatDirectory;
import dev.arena.server.transport.tls.CertificateWatcher;
import dev.arena.server.transport.tls.PemCertificate;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * One game server node on a {@link Vertx}: the room registry, the players'
 * HTTP/WebSocket servers and the management server. Embeddable: tests and
 * the load-test start it in-process on port 0.
 */
public final class GameServer {
    private static final Logger log = LoggerFactory.getLogger(GameServer.class);

    private final Vertx vertx;
    private final long drainMillis;
    private final ServerLifecycle lifecycle = new ServerLifecycle();
    private final List<String> deployments = new ArrayList<>();
    private final List<GameHttpVerticle> playerServers = new ArrayList<>();
    private int httpPort;
    private int managementPort;
    private boolean tls;
    private Promise<Void> drain;
    private Future<Void> stopped;
    /** This node's part in a cluster, or null alone. */
    private ClusteredDirectory cluster;

    private GameServer(Vertx vertx, long drainMillis) {
        this.vertx = vertx;
        this.drainMillis = drainMillis;
    }

    /**
     * Deploys a server node offering the games of {@code room.games}.
     *
     * @param games    every game the configuration was validated with ({@link ServerConfig#fromJson})
     * @param registry where meters go; its scrape is served on the management port
     */
    public static Future<GameServer> start(Vertx vertx, ServerConfig config, List<GameDefinition> games,
                                           PrometheusMeterRegistry registry) {
        GameServer server = new GameServer(vertx, config.management().shutdownDrainMillis());
        registerCodecs(vertx.eventBus());
        if (config.cluster().enabled() != vertx.isClustered()) {
            return Future.failedFuture(new IllegalStateException(config.cluster().enabled()
                    ? "cluster.enabled needs a clustered Vert.x (ClusteredVertx.start)"
                    : "a clustered Vert.x needs cluster.enabled"));
        }
        ClusteredDirectory cluster = vertx.isClustered()
                ? new ClusteredDirectory(vertx, config.room().games(), config.room().maxRooms()) : null;
        server.cluster = cluster;
        Directory directory = cluster != null ? cluster : LocalDirectory.INSTANCE;
        GameMetrics metrics = new MicrometerGameMetrics(registry);
        List<OfferedGame> offered;
        try {
            offered = offered(config, games, metrics);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        long tooSlowNanos = config.session().tooSlowMillis() * 1_000_000L;
        TickMonitor ticks = new TickMonitor();
        List<ReadinessCheck> checks = new ArrayList<>(List.of(server.lifecycle,
                new EventLoopProbe(vertx, config.management().readyLoopTimeoutMillis()),
                new RoomScheduleCheck(ticks, config.management().readyTickLagMillis(), System::nanoTime)));
        if (cluster != null) {
            checks.add(new ClusterCheck(cluster));
        }
        // A lone node is a cluster of one: dashboards and alerts read one gauge either way.
        new ClusterMetrics(registry, cluster != null ? cluster::members : () -> 1);
        Readiness readiness = new Readiness(checks);
        Bans bans = new Bans(config.management().maxBans(), System::currentTimeMillis);
        ManagementVerticle management = new ManagementVerticle(config.management(), registry, readiness,
                new AdminApi(bans, registry));
        // Port 0 means "any free port", but each instance would get its own: Vert.x shares one
        // random port among servers that ask for the same negative port.
        int httpPort = config.http().port() == 0 ? -1 : config.http().port();
        TlsConfig tls = config.http().tls();
        PemCertificate certificate;
        try {
            // Bad files stop start-up naming the key, before anything is deployed. Reading two small
            // files blocks the caller briefly, once.
            certificate = tls.enabled() ? PemCertificate.read(vertx, tls) : null;
        } catch (ConfigException e) {
            return Future.failedFuture(e);
        }
        SeatDirectory seats = new SeatDirectory(vertx, config.room().reconnectGraceMillis(), metrics);
        ConnectionLimits limits = new ConnectionLimits(config.http().admission());
        PeerNodes peers = cluster == null ? PeerNodes.NONE : cluster::peerUrls;
        GameHttpVerticle firstHttp = new GameHttpVerticle(config.http(), httpPort, config.session(), seats, metrics,
                limits, bans, certificate, peers);
        List<GameHttpVerticle> http = new ArrayList<>(List.of(firstHttp));
        // Management first, so it is undeployed last and /ready says 503 for the whole shutdown.
        return server.deploy(management)
                .compose(v -> server.deploy(new RoomRegistryVerticle(offered, config.room().game(), tooSlowNanos,
                        config.http().maxFrameBytes(), metrics, ticks, server.lifecycle::isStopping, directory,
                        config.cluster().reservationMillis())))
                .compose(v -> server.deployPlayerServer(firstHttp))
                .compose(v -> {
                    server.managementPort = management.actualPort();
                    server.httpPort = firstHttp.actualPort();
                    Future<Void> more = Future.succeededFuture();
                    for (int i = 1; i < config.http().instances(); i++) {
                        GameHttpVerticle next = new GameHttpVerticle(config.http(), httpPort, config.session(), seats,
                                metrics, limits, bans, certificate, peers);
                        http.add(next);
                        more = more.compose(x -> server.deployPlayerServer(next));
                    }
                    return more;
                })
                .compose(v -> certificate == null ? Future.succeededFuture() : server.deploy(new CertificateWatcher(
                        tls, certificate, http.stream().map(GameHttpVerticle::httpServer).toList(), new TlsMetrics(registry))))
                .compose(v -> cluster == null ? Future.succeededFuture()
                        : cluster.start(config.cluster().publicUrl(config.http().host(), server.httpPort, certificate != null)))
                .map(v -> {
                    server.tls = certificate != null;
                    server.lifecycle.running();
                    return server;
                })
                // Fail only once what did deploy is gone, so a caller that closes Vert.x next does not race it.
                .recover(e -> server.undeployAll().transform(x -> Future.<GameServer>failedFuture(e)));
    }

    /** The games of {@code room.games} with their configuration and meters (registered now, at zero). */
    private static List<OfferedGame> offered(ServerConfig config, List<GameDefinition> games, GameMetrics metrics) {
        List<OfferedGame> out = new ArrayList<>();
        for (String name : config.room().games()) {
            GameDefinition definition = games.stream().filter(g -> g.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("room.games offers " + name
                            + ", which is not among the games given: " + games));
            out.add(new OfferedGame(definition, config.game(name), config.room().forGame(config.game(name)),
                    metrics.game(name, definition.messageTypes())));
        }
        return out;
    }

    private Future<Void> deploy(io.vertx.core.Deployable verticle) {
        return vertx.deployVerticle(verticle).map(id -> {
            deployments.add(id);
            return null;
        });
    }

    private Future<Void> deployPlayerServer(GameHttpVerticle verticle) {
        return deploy(verticle).onSuccess(v -> playerServers.add(verticle));
    }

    private static void registerCodecs(EventBus bus) {
        try {
            LocalCodec.register(bus, JoinRequest.class);
            LocalCodec.register(bus, JoinResult.class);
            // Control messages are plain data with a serializing codec: they may cross nodes.
            JsonCodec.register(bus, RoomStatus.class, RoomStatus::toJson, RoomStatus::fromJson);
            JsonCodec.register(bus, SeatRequest.class, SeatRequest::toJson, SeatRequest::fromJson);
            JsonCodec.register(bus, Reservation.class, Reservation::toJson, Reservation::fromJson);
            ClusteredDirectory.registerCodecs(bus);
            // Drops and resumes carry a connection's channel: they stay on the node that owns the room.
            LocalCodec.register(bus, SeatEvent.class);
            LocalCodec.register(bus, ResumeRequest.class);
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

    /** This node's id in its cluster, or null alone. */
    public String clusterNodeId() {
        return cluster == null ? null : cluster.nodeId();
    }

    /** True when the game port speaks https and wss ({@code http.tls.*} set). */
    public boolean tls() {
        return tls;
    }

    /**
     * Shuts the server down: {@code /ready} fails at once, then after
     * {@code management.shutdownDrainMillis} everything this server deployed
     * is undeployed, players' servers first (they get 1001) and the
     * management server last. Calling it again during the drain ends the
     * drain now; every call returns the same future.
     */
    public synchronized Future<Void> stop() {
        if (stopped != null) {
            drain.tryComplete();
            return stopped;
        }
        lifecycle.stopping();
        // Out of the cluster's directory first: no player is placed here while the node drains.
        Future<Void> left = cluster == null ? Future.succeededFuture() : cluster.close()
                .onFailure(e -> log.warn("cluster: could not withdraw this node's rooms", e)).otherwiseEmpty();
        drain = Promise.promise();
        if (drainMillis > 0) {
            log.info("stopping: /ready fails now, players are disconnected in {} ms", drainMillis);
            vertx.setTimer(drainMillis, id -> drain.tryComplete());
        } else {
            log.info("stopping: /ready fails now, players are disconnected now");
            drain.complete();
        }
        stopped = Future.all(drain.future(), left).compose(v -> seated()).compose(seated -> undeployAll().onComplete(done ->
                log.info("disconnected {} ({} connections in all)", seated,
                        playerServers.stream().mapToInt(GameHttpVerticle::closedOnStop).sum())));
        return stopped;
    }

    /** "N players in M rooms", as the registry counts them now. */
    private Future<String> seated() {
        return vertx.eventBus().<JsonObject>request(Addresses.REGISTRY_LIST, null, new DeliveryOptions().setSendTimeout(1000))
                .map(reply -> {
                    JsonArray rooms = reply.body().getJsonArray("rooms");
                    int players = 0;
                    for (int i = 0; i < rooms.size(); i++) {
                        players += rooms.getJsonObject(i).getInteger("players");
                    }
                    return players + " players in " + rooms.size() + " rooms";
                })
                .otherwise(e -> "an unknown number of players (the room registry did not answer: " + e.getMessage() + ")");
    }

    private Future<Void> undeployAll() {
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
