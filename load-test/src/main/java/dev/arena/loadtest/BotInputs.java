package dev.arena.loadtest;

import dev.arena.loadtest.Stats.Count;
import dev.arena.server.protocol.FrameCodec;
import dev.arena.server.protocol.Input;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;

import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * One bot's steering (BENCHMARK.md): every {@code 1000 / inputHz} ms an
 * INPUT with an increasing seq and a unit direction that changes at random
 * about once a second, and the latency of each, which ends at the first
 * update whose own player's {@code lastSeq} reaches it ({@link LatencyTracker}).
 * On the bot's event loop.
 */
final class BotInputs {
    /** Pending inputs a bot tracks: 51 s of inputs at 20 Hz, far past any latency worth measuring. */
    private static final int MAX_PENDING = 1024;

    private final Vertx vertx;
    private final FrameCodec codec;
    private final Stats stats;
    private final long periodMillis;
    private final int inputHz;
    private final SplittableRandom random;
    private final LatencyTracker pending = new LatencyTracker(MAX_PENDING);
    private int seq;
    private float dx;
    private float dy;
    private long timer = -1;

    BotInputs(Vertx vertx, FrameCodec codec, Stats stats, int inputHz, SplittableRandom random) {
        this.vertx = vertx;
        this.codec = codec;
        this.stats = stats;
        this.inputHz = inputHz;
        this.periodMillis = Math.max(1, Math.round(1000.0 / inputHz));
        this.random = random;
        turn();
    }

    /**
     * Starts sending, unless it is: once the bot holds the room's state, as a player would, at a random
     * phase against the server's ticks (starting right on an update would lock every bot to one phase).
     *
     * @param socket the connection to send on now, or null when the bot must not send
     */
    void start(Supplier<WebSocket> socket) {
        if (timer < 0) {
            timer = vertx.setPeriodic(1 + random.nextLong(periodMillis), periodMillis, id -> send(socket.get()));
        }
    }

    /** Stops sending. With {@code forgetPending}, inputs in flight are not measured (the bot cut its connection). */
    void stop(boolean forgetPending) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
        if (forgetPending) {
            pending.clear();
        }
    }

    /** An update showed the bot's player at {@code lastSeq}: every input up to it is answered. */
    void acknowledged(int lastSeq, long nowNanos) {
        pending.acknowledged(lastSeq, nowNanos, stats::recordLatencyNanos);
    }

    private void send(WebSocket ws) {
        if (ws == null) {
            return;
        }
        if (ws.writeQueueFull()) {
            // Never queue without bound: a server that does not read gets no more inputs.
            stats.increment(Count.INPUTS_SKIPPED);
            return;
        }
        if (random.nextInt(inputHz) == 0) {
            turn();
        }
        seq++;
        byte[] bytes = codec.encode(new Input(seq, dx, dy, 0));
        pending.sent(seq, System.nanoTime());
        ws.writeBinaryMessage(Buffer.buffer(bytes));
        stats.add(Count.BYTES_OUT, bytes.length);
        stats.increment(Count.MESSAGES_OUT);
        stats.increment(Count.INPUTS_SENT);
    }

    /** A new unit direction, uniformly at random. */
    private void turn() {
        double angle = random.nextDouble() * 2 * Math.PI;
        dx = (float) Math.cos(angle);
        dy = (float) Math.sin(angle);
    }
}
