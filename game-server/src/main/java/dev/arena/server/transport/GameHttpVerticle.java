package dev.arena.server.transport;

import dev.arena.server.config.HttpConfig;
import dev.arena.server.config.SessionConfig;
import dev.arena.server.metrics.GameMetrics;
import dev.arena.server.protocol.FrameCodec;
import dev.arena.server.room.Addresses;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The players' HTTP server: the browser client at {@code /}, the WebSocket
 * upgrade at {@code /ws} and {@code GET /api/rooms}. Several instances may
 * share the port, each on its own event loop with its own codec and sessions.
 *
 * <p>What it lets in is decided by small parts it wires together
 * (docs/SECURITY.md): {@link HandshakeTimeout} closes connections that do not
 * complete a request in time, {@link UpgradeGate} admits an upgrade by Origin
 * and connection caps before any 101, and {@link SecurityHeaders} hardens
 * every response for browsers.
 */
public final class GameHttpVerticle extends VerticleBase {
    private final HttpConfig http;
    private final int port;
    private final SessionConfig sessionConfig;
    private final GameMetrics metrics;
    private final ConnectionLimits limits;
    private final Set<Session> sessions = new HashSet<>();
    private FrameCodec codec;
    private HandshakeTimeout handshakes;
    private UpgradeGate gate;
    private HttpServer server;

    /**
     * @param port   the port to bind: {@code http.port}, or -1 for a free port shared by every instance
     * @param limits the connection caps, shared by every instance of this server
     */
    public GameHttpVerticle(HttpConfig http, int port, SessionConfig sessionConfig, GameMetrics metrics,
                            ConnectionLimits limits) {
        this.http = http;
        this.port = port;
        this.sessionConfig = sessionConfig;
        this.metrics = metrics;
        this.limits = limits;
    }

    @Override
    public Future<?> start() {
        codec = new FrameCodec();
        handshakes = new HandshakeTimeout(vertx, http.admission().handshakeTimeoutMillis(), metrics);
        gate = new UpgradeGate(http.admission(), limits, metrics);
        Router router = Router.router(vertx);
        router.route().handler(handshakes::onRequest);
        router.route("/ws").handler(this::upgrade);
        router.get("/api/rooms").handler(ctx -> vertx.eventBus().<JsonObject>request(Addresses.REGISTRY_LIST, null)
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
                // Twice our limit: a message between the two is refused by Session with a clean
                // 1009 close; one past it is cut off by Netty's decoder (also counted as too_big).
                .setMaxWebSocketFrameSize(2 * http.maxFrameBytes())
                .setMaxWebSocketMessageSize(2 * http.maxFrameBytes())
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false)
                .setTcpNoDelay(true)
                // Without h2c Vert.x makes the HTTP connection as the socket opens, so HandshakeTimeout
                // sees silent sockets too (with h2c it waits for the first bytes).
                .setHttp2ClearTextEnabled(false)
                .setSslHandshakeTimeout(http.admission().handshakeTimeoutMillis())
                .setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS);
        SecurityHeaders headers = new SecurityHeaders(false);
        server = vertx.createHttpServer(options)
                .connectionHandler(handshakes::onConnection)
                .requestHandler(request -> {
                    headers.apply(request);
                    router.handle(request);
                });
        return server.listen();
    }

    /** Admits the upgrade (or answers 403/503), then runs a {@link Session} on the WebSocket. */
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
            Session[] holder = new Session[1];
            Session session = new Session(vertx, upgrade.result(), codec, sessionConfig, http.maxFrameBytes(), metrics,
                    () -> {
                        sessions.remove(holder[0]);
                        gate.release(address);
                    });
            holder[0] = session;
            sessions.add(session);
            session.start();
        });
    }

    @Override
    public Future<?> stop() {
        // Close frames first: closing the server right away would cut the sockets with 1000/1006.
        return Future.join(Set.copyOf(sessions).stream().map(Session::goAway).toList())
                .eventually(() -> server == null ? Future.succeededFuture() : server.close());
    }

    /** The port bound. */
    public int actualPort() {
        return server.actualPort();
    }
}
