package dev.arena.server.transport;

import dev.arena.server.config.HttpConfig;
import dev.arena.server.config.SessionConfig;
import dev.arena.server.metrics.GameMetrics;
import dev.arena.server.protocol.FrameCodec;
import dev.arena.server.room.Addresses;
import dev.arena.server.transport.tls.PemCertificate;
import io.netty.channel.EventLoop;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The players' HTTP server: the browser client at {@code /}, the WebSocket
 * upgrade at {@code /ws}, {@code GET /api/games} and {@code GET /api/rooms}
 * ({@code ?game=NAME} and any metadata filter, {@code ?mode=teams}). Several
 * instances may share the port, each on its own event loop with its own codec
 * and sessions. With a certificate the port speaks only https and wss.
 *
 * <p>What it lets in is decided by small parts it wires together
 * (docs/SECURITY.md): {@link HandshakeTimeout} closes connections that do not
 * complete a request in time, {@link UpgradeGate} admits an upgrade by Origin
 * and connection caps before any 101, and {@link SecurityHeaders} hardens
 * every response for browsers. {@link OperatorEvents} does what the admin API
 * publishes to this server's connections (a notice for all, the closing of a
 * newly banned address's); the admin page and API themselves are on the
 * management port only ({@code /admin} is a 404 here).
 */
public final class GameHttpVerticle extends VerticleBase {
    private final HttpConfig http;
    private final int port;
    private final SessionConfig sessionConfig;
    private final SeatDirectory seats;
    private final GameMetrics metrics;
    private final ConnectionLimits limits;
    private final Bans bans;
    private final PemCertificate certificate;
    private final PeerNodes peers;
    private final Set<Connection> connections = new HashSet<>();
    /** One per event loop this instance's sockets run on (one, unless Vert.x has fewer loops than instances). */
    private final Map<EventLoop, LoopOutbox> outboxes = new IdentityHashMap<>();
    private FrameCodec codec;
    private HandshakeTimeout handshakes;
    private UpgradeGate gate;
    private HttpServer server;
    private volatile int closedOnStop;

    /**
     * @param port        the port to bind: {@code http.port}, or -1 for a free port shared by every instance
     * @param seats       the node's seats by resume token, shared by every instance (a player may resume on any)
     * @param limits      the connection caps, shared by every instance of this server
     * @param bans        the operators' bans, shared by every instance of this server
     * @param certificate what to serve https and wss with, or null for plain http and ws
     * @param peers       the cluster's other nodes, where a page may be redirected ({@link PeerNodes});
     *                    {@link PeerNodes#NONE} on a lone node
     */
    public GameHttpVerticle(HttpConfig http, int port, SessionConfig sessionConfig, SeatDirectory seats,
                            GameMetrics metrics, ConnectionLimits limits, Bans bans, PemCertificate certificate,
                            PeerNodes peers) {
        this.peers = peers;
        this.http = http;
        this.port = port;
        this.sessionConfig = sessionConfig;
        this.seats = seats;
        this.metrics = metrics;
        this.limits = limits;
        this.bans = bans;
        this.certificate = certificate;
    }

    @Override
    public Future<?> start() {
        codec = new FrameCodec();
        handshakes = new HandshakeTimeout(vertx, http.admission().handshakeTimeoutMillis(), metrics);
        gate = new UpgradeGate(http.admission(), limits, bans, metrics, peers);
        Router router = Router.router(vertx);
        router.route().handler(handshakes::onRequest);
        router.route("/ws").handler(this::upgrade);
        // The operators' page and API live on the management port only, whatever the webroot holds.
        router.routeWithRegex("/admin(/.*)?").handler(ctx -> ctx.response().setStatusCode(404)
                .putHeader("Content-Type", "text/plain; charset=utf-8")
                .end("the admin page and API are on the management port\n"));
        router.get("/api/rooms").handler(this::listRooms);
        router.get("/api/games").handler(ctx -> vertx.eventBus().<JsonObject>request(Addresses.REGISTRY_GAMES, null)
                .onSuccess(reply -> ctx.json(reply.body()))
                .onFailure(ctx::fail));
        // The client is plain modules that change with every release: browsers must revalidate them.
        router.route().handler(ctx -> {
            ctx.response().putHeader("Cache-Control", "no-cache");
            ctx.next();
        });
        router.route().handler(http.webroot().isEmpty()
                ? StaticHandler.create("webroot").setCachingEnabled(false)
                : StaticHandler.create(FileSystemAccess.ROOT, Path.of(http.webroot()).toAbsolutePath().toString())
                        .setCachingEnabled(false));

        HttpServerOptions options = new HttpServerOptions()
                .setHost(http.host())
                .setPort(port)
                // Twice our limit: a message between the two is refused by Connection with a clean
                // 1009 close; one past it is cut off by Netty's decoder (also counted as too_big).
                .setMaxWebSocketFrameSize(2 * http.maxFrameBytes())
                .setMaxWebSocketMessageSize(2 * http.maxFrameBytes())
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false)
                // After our close frame, how long a client has to answer with its own before the server drops
                // the TCP connection (seconds; Vert.x's default is 10). Shutdown waits for this, so it bounds how
                // long a SIGTERM takes; a live client answers within a round trip.
                .setWebSocketClosingTimeout(1)
                .setTcpNoDelay(true)
                // A backstop under the PING/PONG timeout: the kernel probes idle sockets, so a peer that
                // vanished is found even when nothing else is written to it (the OS's timing applies).
                .setTcpKeepAlive(true)
                // Without h2c Vert.x makes the HTTP connection as the socket opens, so HandshakeTimeout
                // sees silent sockets too (with h2c it waits for the first bytes).
                .setHttp2ClearTextEnabled(false)
                .setSslHandshakeTimeout(http.admission().handshakeTimeoutMillis())
                .setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS);
        if (sessionConfig.sendBufferBytes() > 0) {
            // A fixed buffer turns autotuning off: a client that stops reading pins this much kernel memory, not
            // megabytes, and its socket shows as congested (updates skipped, then 4002) within about a second.
            options.setSendBufferSize(sessionConfig.sendBufferBytes());
        }
        if (certificate != null) {
            options.setSsl(true).setKeyCertOptions(certificate.keyCertOptions());
        }
        SecurityHeaders headers = new SecurityHeaders(certificate == null ? 0 : http.tls().hstsMaxAgeSeconds(), peers);
        server = vertx.createHttpServer(options)
                .connectionHandler(handshakes::onConnection)
                .requestHandler(request -> {
                    headers.apply(request);
                    router.handle(request);
                });
        return new OperatorEvents(vertx, connections, codec).register().compose(v -> server.listen());
    }

    /** {@code GET /api/rooms}: every query parameter but {@code game} filters on the rooms' metadata. */
    private void listRooms(RoutingContext ctx) {
        JsonObject filters = new JsonObject();
        for (String key : ctx.queryParams().names()) {
            if (ctx.queryParam(key).size() != 1) {
                ctx.response().setStatusCode(400);
                ctx.json(new JsonObject().put("error", "give the filter " + key + " once"));
                return;
            }
            if (!key.equals("game")) {
                filters.put(key, ctx.queryParam(key).get(0));
            }
        }
        JsonObject query = new JsonObject().put("game", ctx.queryParams().get("game")).put("filters", filters);
        vertx.eventBus().<JsonObject>request(Addresses.REGISTRY_LIST, query)
                .onSuccess(reply -> ctx.json(reply.body()))
                .onFailure(e -> {
                    if (e instanceof ReplyException r && r.failureCode() == 404) {
                        ctx.response().setStatusCode(404);
                        ctx.json(new JsonObject().put("error", r.getMessage()));
                    } else {
                        ctx.fail(e);
                    }
                });
    }

    /** Admits the upgrade (or answers 403/503), then runs a connection and a lobby session on the WebSocket. */
    private void upgrade(RoutingContext ctx) {
        String address = gate.admit(ctx.request());
        if (address == null) {
            return;
        }
        ctx.request().toWebSocket().onComplete(upgrade -> {
            if (upgrade.failed()) {
                gate.release(address);
                return;
            }
            handshakes.onUpgraded(ctx.request().connection());
            accept(upgrade.result(), NettySocket.of(ctx.request().connection()), address);
        });
    }

    /** A new player's socket: a connection for the socket side, a session in the lobby for the messages. */
    private void accept(ServerWebSocket ws, NettySocket socket, String address) {
        LoopOutbox outbox = outboxes.computeIfAbsent(socket.eventLoop(), LoopOutbox::new);
        Connection[] holder = new Connection[1];
        ConnectionStats stats = new ConnectionStats(address, System.currentTimeMillis());
        Connection connection = new Connection(vertx, ws, socket, outbox, codec, sessionConfig, http.maxFrameBytes(),
                metrics, stats, () -> {
                    connections.remove(holder[0]);
                    gate.release(address);
                });
        holder[0] = connection;
        connections.add(connection);
        connection.start(new PlayerSession(vertx, sessionConfig, seats, metrics, connection));
    }

    @Override
    public Future<?> stop() {
        closedOnStop = connections.size();
        // Close frames first: closing the server right away would cut the sockets with 1000/1006.
        return Future.join(Set.copyOf(connections).stream().map(Connection::goAway).toList())
                .eventually(() -> server == null ? Future.succeededFuture() : server.close());
    }

    /** The port bound. */
    public int actualPort() {
        return server.actualPort();
    }

    /** This instance's server, once started: the certificate watcher updates its TLS options. */
    public HttpServer httpServer() {
        return server;
    }

    /** The connections this server closed when it was undeployed (0 before). */
    public int closedOnStop() {
        return closedOnStop;
    }
}
