package dev.arena.loadtest;

import dev.arena.loadtest.Stats.Count;
import io.netty.buffer.ByteBuf;

import java.util.SplittableRandom;

/**
 * One bot's pacing and measurement: every {@code 1000 / inputHz} ms (its
 * group's {@link InputWheel}, at the bot's own phase) the bot's game
 * behaviour acts ({@link BotBehaviour#act}), each INPUT it steers with gets
 * the next seq (a game MESSAGE it wants timed brings its own), and the
 * latency of each ends at the first update whose acknowledged seq reaches it
 * ({@link LatencyTracker}). What to send is the behaviour's business. On the
 * bot's event loop.
 */
final class BotInputs {
    /** Pending inputs a bot tracks: 51 s of inputs at 20 Hz, far past any latency worth measuring. */
    private static final int MAX_PENDING = 1024;

    private final InputWheel wheel;
    private final Stats stats;
    private final SplittableRandom random;
    private final LatencyTracker pending = new LatencyTracker(MAX_PENDING);
    private int seq;
    /** The bot's phase in the wheel while it acts, else -1. */
    private int phase = -1;
    private Runnable act;

    BotInputs(InputWheel wheel, Stats stats, SplittableRandom random) {
        this.wheel = wheel;
        this.stats = stats;
        this.random = random;
    }

    /**
     * Starts calling {@code act} every period, unless it does already: once the bot holds the room's state, as a
     * player would, at a random phase against the server's ticks (starting right on an update would lock every
     * bot to one phase).
     */
    void start(Runnable act) {
        if (phase < 0) {
            this.act = act;
            phase = random.nextInt(wheel.periodMillis());
            wheel.add(act, phase);
        }
    }

    /** Stops acting. With {@code forgetPending}, inputs in flight are not measured (the bot cut its connection). */
    void stop(boolean forgetPending) {
        if (phase >= 0) {
            wheel.remove(act, phase);
            phase = -1;
        }
        if (forgetPending) {
            pending.clear();
        }
    }

    /**
     * Sends an INPUT with the next seq on {@code socket}, framed by
     * {@code frames}, and flushes it; its latency is measured when it is
     * acknowledged.
     */
    void steer(BotSocket socket, ClientFrames frames, float dx, float dy, int buttons) {
        seq++;
        ByteBuf frame = frames.input(socket.alloc(), seq, dx, dy, buttons);
        pending.sent(seq, System.nanoTime());
        socket.write(frame);
        socket.flush();
        stats.add(Count.BYTES_OUT, frames.lastLength());
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
