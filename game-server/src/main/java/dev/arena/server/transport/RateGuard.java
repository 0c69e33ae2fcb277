package dev.arena.server.transport;

/**
 * The per-connection message-rate limit ({@code session.maxMessagesPerSecond}):
 * at most {@code limit} messages in a one-second window that opens with the
 * first message after the previous window ended. Every binary message and
 * every ping or pong control frame counts, so a client cannot make the
 * server work (decode, answer, pong) faster than the limit. Time is an
 * argument; one connection's event loop only.
 */
final class RateGuard {
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final int limit;
    private long windowStart;
    private int count;

    RateGuard(int limit) {
        this.limit = limit;
    }

    /** Counts one message; false when it is one too many for its window. */
    boolean tryAcquire(long nowNanos) {
        if (count == 0 || nowNanos - windowStart >= WINDOW_NANOS) {
            windowStart = nowNanos;
            count = 0;
        }
        return ++count <= limit;
    }

    int limit() {
        return limit;
    }
}
