package dev.arena.loadtest;

import dev.arena.loadtest.Stats.Count;
import dev.arena.server.protocol.FrameCodec;
import dev.arena.server.protocol.Input;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;

import java.util.SplittableRandom;

/**
 * One bot's pacing and measurement: every {@code 1000 / inputHz} ms the
 * bot's game behaviour acts ({@link BotBehaviour#act}), each INPUT it steers
 * with gets the next seq (a game MESSAGE it wants timed brings its own), and
 * the latency of each ends at the first update whose acknowledged seq reaches
 * it ({@link LatencyTracker}). What to send is the behaviour's business. On
 * the bot's event loop.
 */
final class BotInputs {
    /** Pending inputs a bot tracks: 51 s of inputs at 20 Hz, far past any latency worth measuring. */
    private static final int MAX_PENDING = 1024;

    private final Vertx vertx;
    private final FrameCodec codec;
    private final Stats stats;
    private final long periodMillis;
    private final SplittableRandom random;
    private final LatencyTracker pending = new LatencyTracker(MAX_PENDING);
    private int seq;
    private long timer = -1;

    BotInputs(Vertx vertx, FrameCodec codec, Stats stats, int inputHz, SplittableRandom random) {
        this.vertx = vertx;
        this.codec = codec;
        this.stats = stats;
        this.periodMillis = Math.max(1, Math.round(1000.0 / inputHz));
        this.random = random;
    }

    /**
     * Starts calling {@code act} every period, unless it does already: once the bot holds the room's state, as a
     * player would, at a random phase against the server's ticks (starting right on an update would lock every
     * bot to one phase).
     */
    void start(Runnable act) {
        if (timer < 0) {
            timer = vertx.setPeriodic(1 + random.nextLong(periodMillis), periodMillis, id -> act.run());
        }
    }

    /** Stops acting. With {@code forgetPending}, inputs in flight are not measured (the bot cut its connection). */
    void stop(boolean forgetPending) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
        if (forgetPending) {
            pending.clear();
        }
    }

    /** Sends an INPUT with the next seq on {@code ws}; its latency is measured when it is acknowledged. */
    void steer(WebSocket ws, float dx, float dy, int buttons) {
        seq++;
        byte[] bytes = codec.encode(new Input(seq, dx, dy, buttons));
        pending.sent(seq, System.nanoTime());
        ws.writeBinaryMessage(Buffer.buffer(bytes));
        stats.add(Count.BYTES_OUT, bytes.length);
        stats.increment(Count.MESSAGES_OUT);
        stats.increment(Count.INPUTS_SENT);
    }

    /**
     * Something else the state will acknowledge as {@code seq} was sent now (a board game's move, a game MESSAGE):
     * its latency is measured like an input's.
     */
    void sent(int seq) {
        pending.sent(seq, System.nanoTime());
    }

    /** An update showed the server applied every input up to {@code seq}: they are answered. */
    void acknowledged(int seq, long nowNanos) {
        pending.acknowledged(seq, nowNanos, stats::recordLatencyNanos);
    }
}
