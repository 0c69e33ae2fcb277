package dev.arena.server.transport;

import dev.arena.server.metrics.GameMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.ext.web.RoutingContext;

import java.util.HashMap;
import java.util.Map;

/**
 * Closes a connection that holds a socket without using it: one that has not
 * sent a whole HTTP request within {@code http.handshakeTimeoutMillis} of
 * opening (silent, or dribbling a request out byte by byte), counted as
 * {@code handshake_timeout}, and one that stays idle that long after its
 * last response (a browser's keep-alive connection; not counted). The clock
 * stops while a request is being answered and for good once the connection
 * is a WebSocket. One instance per HTTP verticle, used on its event loop only.
 *
 * <p>Needs the HTTP server's connection handler to run as the socket opens:
 * with h2c enabled Vert.x waits for the first bytes before it makes the
 * connection, so the server runs with {@code setHttp2ClearTextEnabled(false)}.
 */
final class HandshakeTimeout {
    static final String REASON = "handshake_timeout";

    private final Vertx vertx;
    private final long millis;
    private final GameMetrics metrics;
    private final Map<HttpConnection, Watch> watches = new HashMap<>();

    HandshakeTimeout(Vertx vertx, long millis, GameMetrics metrics) {
        this.vertx = vertx;
        this.millis = millis;
        this.metrics = metrics;
    }

    /** The server's connection handler: starts the clock. */
    void onConnection(HttpConnection connection) {
        Watch watch = new Watch(connection);
        watches.put(connection, watch);
        connection.closeHandler(v -> watch.forget());
        watch.arm();
    }

    /** A router handler run first for every request: stops the clock until the response ends. */
    void onRequest(RoutingContext ctx) {
        Watch watch = watches.get(ctx.request().connection());
        if (watch != null) {
            watch.served = true;
            watch.cancel();
            ctx.addEndHandler(ended -> watch.arm());
        }
        ctx.next();
    }

    /** The connection became a WebSocket: no clock any more (the session has its own timeouts). */
    void onUpgraded(HttpConnection connection) {
        Watch watch = watches.get(connection);
        if (watch != null) {
            watch.forget();
        }
    }

    private final class Watch {
        final HttpConnection connection;
        boolean served;
        boolean gone;
        long timer = -1;

        Watch(HttpConnection connection) {
            this.connection = connection;
        }

        void arm() {
            cancel();
            if (!gone) {
                timer = vertx.setTimer(millis, id -> {
                    timer = -1;
                    if (!served) {
                        metrics.upgradeRefused(REASON);
                    }
                    forget();
                    connection.close();
                });
            }
        }

        void cancel() {
            if (timer >= 0) {
                vertx.cancelTimer(timer);
                timer = -1;
            }
        }

        void forget() {
            gone = true;
            cancel();
            watches.remove(connection);
        }
    }
}
