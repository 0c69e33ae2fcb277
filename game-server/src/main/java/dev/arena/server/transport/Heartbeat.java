package dev.arena.server.transport;

import dev.arena.server.metrics.GameMetrics;
import dev.arena.server.protocol.ClientMessage;
import dev.arena.server.protocol.Ping;
import dev.arena.server.protocol.Pong;
import dev.arena.server.protocol.ServerMessage;
import io.vertx.core.Vertx;

import java.util.function.Consumer;

/**
 * PING and PONG on one connection (PROTOCOL.md, "PING (tag 3) and PONG
 * (tag 4)"): the server PINGs every {@code session.pingIntervalMillis} and
 * records the round trip when the client's PONG echoes it; a client PING is
 * answered with a PONG at once. They mean the same in every session state,
 * so they are handled here, beside the socket, and never reach the session.
 *
 * <p>While {@link #watch watched} (the session is seated), a peer that sends
 * no PONG for {@code session.pongTimeoutMillis} is dead: a half-open TCP
 * connection can stay "up" for many minutes, so this is how the server
 * notices a phone that lost its network. Checked at each PING, so a dead
 * peer is reported between the timeout and one interval later. On the
 * connection's event loop.
 */
final class Heartbeat {
    /** Origin of the microsecond clock sent in server PINGs, so the value is never negative. */
    private static final long CLOCK_ORIGIN = System.nanoTime();
    /** A PONG claiming a longer round trip echoes no PING of ours (or a clock from another process). */
    private static final long MAX_ROUND_TRIP_MICROS = 60_000_000L;

    private final Vertx vertx;
    private final long intervalMillis;
    private final long pongTimeoutNanos;
    private final Consumer<ServerMessage> send;
    private final Runnable onPeerTimeout;
    private final GameMetrics metrics;
    private final ConnectionStats stats;
    private long timer = -1;
    private boolean watching;
    private long lastPongNanos;

    /**
     * @param onPeerTimeout runs (once the timer stops) when a watched peer sent no PONG for {@code pongTimeoutMillis}
     * @param stats         where the latest round trip is kept, for operators
     */
    Heartbeat(Vertx vertx, long intervalMillis, long pongTimeoutMillis, Consumer<ServerMessage> send,
              Runnable onPeerTimeout, GameMetrics metrics, ConnectionStats stats) {
        this.vertx = vertx;
        this.intervalMillis = intervalMillis;
        this.pongTimeoutNanos = pongTimeoutMillis * 1_000_000L;
        this.send = send;
        this.onPeerTimeout = onPeerTimeout;
        this.metrics = metrics;
        this.stats = stats;
    }

    void start() {
        timer = vertx.setPeriodic(intervalMillis, id -> beat());
    }

    private void beat() {
        if (watching && System.nanoTime() - lastPongNanos > pongTimeoutNanos) {
            stop();
            onPeerTimeout.run();
            return;
        }
        send.accept(new Ping(micros()));
    }

    /** Starts (the session is seated) or stops expecting PONGs; a new watch counts from now. */
    void watch(boolean on) {
        if (on && !watching) {
            lastPongNanos = System.nanoTime();
        }
        watching = on;
    }

    void stop() {
        vertx.cancelTimer(timer);
    }

    /** Handles a PING or PONG; false for any other message. */
    boolean handle(ClientMessage message) {
        if (message instanceof Ping ping) {
            send.accept(new Pong(ping.time()));
            return true;
        }
        if (message instanceof Pong pong) {
            lastPongNanos = System.nanoTime();
            long rtt = micros() - pong.time();
            if (rtt >= 0 && rtt < MAX_ROUND_TRIP_MICROS) {
                metrics.roundTrip(rtt * 1000);
                stats.roundTrip(rtt);
            }
            return true;
        }
        return false;
    }

    private static long micros() {
        return (System.nanoTime() - CLOCK_ORIGIN) / 1000;
    }
}
