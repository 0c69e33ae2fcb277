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
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The players' HTTP server: the browser client at {@code /}, the WebSocket
 * upgrade at {@code /ws} and {@code GET /api/rooms}. Several instances may
 * share the port, each on its own event loop with its own codec and sessions.
 */
public final class GameHttpVerticle extends VerticleBase {
    private final HttpConfig http;
    private final int port;
    private final SessionConfig sessionConfig;
    private final GameMetrics metrics;
    private final Set<Session> sessions = new HashSet<>();
    private FrameCodec codec;
    private HttpServer server;
    private volatile int closedOnStop;

    /**
     * @param port the port to bind: {@code http.port}, or -1 for a free port shared by every instance
     */
    public GameHttpVerticle(HttpConfig http, int port, SessionConfig sessionConfig, GameMetrics metrics) {
        this.http = http;
        this.port = port;
        this.sessionConfig = sessionConfig;
        this.metrics = metrics;
    }

    @Override
    public Future<?> start() {
        codec = new FrameCodec();
        Router router = Router.router(vertx);
        router.route("/ws").handler(ctx -> ctx.request().toWebSocket().onSuccess(ws -> {
            Session[] holder = new Session[1];
            Session session = new Session(vertx, ws, codec, sessionConfig, http.maxFrameBytes(), metrics,
                    () -> sessions.remove(holder[0]));
            holder[0] = session;
            sessions.add(session);
            session.start();
        }));
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
                // After our close frame, how long a client has to answer with its own before the server drops
                // the TCP connection (seconds; Vert.x's default is 10). Shutdown waits for this, so it bounds how
                // long a SIGTERM takes; a live client answers within a round trip.
                .setWebSocketClosingTimeout(1)
                .setTcpNoDelay(true);
        server = vertx.createHttpServer(options).requestHandler(router);
        return server.listen();
    }

    @Override
    public Future<?> stop() {
        closedOnStop = sessions.size();
        // Close frames first: closing the server right away would cut the sockets with 1000/1006.
        return Future.join(Set.copyOf(sessions).stream().map(Session::goAway).toList())
                .eventually(() -> server == null ? Future.succeededFuture() : server.close());
    }

    /** The port bound. */
    public int actualPort() {
        return server.actualPort();
    }

    /** The connections this server closed when it was undeployed (0 before). */
    public int closedOnStop() {
        return closedOnStop;
    }
}
