package dev.arena.loadtest;

import java.util.function.LongConsumer;

/**
 * One bot's inputs that the server has not yet acknowledged, oldest first,
 * with the time each was sent (arena-bench, docs/PERFORMANCE.md: the latency of input {@code k}
 * runs from its send until the first state update in which the bot's own
 * player has {@code lastSeq >= k}; that update completes every pending input
 * {@code <= k}).
 *
 * <p>A fixed ring: when it is full the oldest input is dropped and counted
 * in {@link #overflowed()} (a server that never acknowledges must not grow
 * the bot without bound). Sequence numbers are compared with wrap-around.
 * Time is an argument, so tests drive it with a simulated clock. Not
 * thread-safe: one per bot, used on the bot's event loop.
 */
public final class LatencyTracker {
    private final int[] seqs;
    private final long[] sentAt;
    private int head;
    private int size;
    private long overflowed;

    public LatencyTracker(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        seqs = new int[capacity];
        sentAt = new long[capacity];
    }

    /** Records that input {@code seq} was sent at {@code nanos}; seqs must be given in increasing order. */
    public void sent(int seq, long nanos) {
        if (size == seqs.length) {
            head = (head + 1) % seqs.length;
            size--;
            overflowed++;
        }
        int tail = (head + size) % seqs.length;
        seqs[tail] = seq;
        sentAt[tail] = nanos;
        size++;
    }

    /**
     * A state update showing the bot's player at {@code lastSeq} arrived at
     * {@code nanos}: completes every pending input whose seq is at most
     * {@code lastSeq}, giving each one's latency in nanoseconds to {@code sink}.
     *
     * @return the number of inputs completed
     */
    public int acknowledged(int lastSeq, long nanos, LongConsumer sink) {
        int completed = 0;
        while (size > 0 && seqs[head] - lastSeq <= 0) {
            sink.accept(nanos - sentAt[head]);
            head = (head + 1) % seqs.length;
            size--;
            completed++;
        }
        return completed;
    }

    /**
     * Forgets every pending input without measuring it: the bot cut its
     * connection, and their acknowledgements, if they come, would time the
     * reconnect, not the server.
     */
    public void clear() {
        head = 0;
        size = 0;
    }

    /** Inputs sent and not yet acknowledged. */
    public int pending() {
        return size;
    }

    /** Inputs dropped unacknowledged because the ring was full. */
    public long overflowed() {
        return overflowed;
    }
}
