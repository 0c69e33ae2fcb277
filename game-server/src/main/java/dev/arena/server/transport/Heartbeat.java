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
 * On the connection's event loop.
 */
final class Heartbeat {
    /** Origin of the microsecond clock sent in server PINGs, so the value is never negative. */
    private static final long CLOCK_ORIGIN = System.nanoTime();
    /** A PONG claiming a longer round trip echoes no PING of ours (or a clock from another process). */
    private static final long MAX_ROUND_TRIP_MICROS = 60_000_000L;

    private final Vertx vertx;
    private final long intervalMillis;
    private final Consumer<ServerMessage> send;
    private final GameMetrics metrics;
    private long timer = -1;

    Heartbeat(Vertx vertx, long intervalMillis, Consumer<ServerMessage> send, GameMetrics metrics) {
        this.vertx = vertx;
        this.intervalMillis = intervalMillis;
        this.send = send;
        this.metrics = metrics;
    }

    void start() {
        timer = vertx.setPeriodic(intervalMillis, id -> send.accept(new Ping(micros())));
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
            long rtt = micros() - pong.time();
            if (rtt >= 0 && rtt < MAX_ROUND_TRIP_MICROS) {
                metrics.roundTrip(rtt * 1000);
            }
            return true;
        }
        return false;
    }

    private static long micros() {
        return (System.nanoTime() - CLOCK_ORIGIN) / 1000;
    }
}
