package dev.arena.server.room;

/**
 * Fixed-step timing without drift. Ticks are due at {@code start + k * period}
 * for whole k, whatever the lateness of the timer that asks: a late wake-up
 * runs the missed steps at once, up to a cap, and the time past the cap is
 * dropped (so a stalled room does not spin to catch up forever). Time is an
 * argument, so tests drive it with a simulated clock.
 */
public final class TickClock {
    private final long periodNanos;
    private final int maxCatchUp;
    private long nextDue;
    private long lastLateness;
    private long lastDropped;

    public TickClock(int hz, int maxCatchUp, long startNanos) {
        this.periodNanos = 1_000_000_000L / hz;
        this.maxCatchUp = maxCatchUp;
        this.nextDue = startNanos + periodNanos;
    }

    /**
     * The number of steps to run now, at most the catch-up cap; advances the
     * schedule past every step that was due.
     */
    public int advance(long nowNanos) {
        if (nowNanos < nextDue) {
            lastLateness = 0;
            lastDropped = 0;
            return 0;
        }
        long due = (nowNanos - nextDue) / periodNanos + 1;
        lastLateness = nowNanos - nextDue;
        int steps = (int) Math.min(due, maxCatchUp);
        lastDropped = due - steps;
        nextDue += due * periodNanos;
        return steps;
    }

    /** How far after its due time the first step of the last {@link #advance} was. */
    public long lastLateness() {
        return lastLateness;
    }

    /** Steps the last {@link #advance} dropped past the cap. */
    public long lastDropped() {
        return lastDropped;
    }

    /** Nanoseconds from {@code nowNanos} until the next step is due (0 when one is due). */
    public long untilNext(long nowNanos) {
        return Math.max(0, nextDue - nowNanos);
    }

    /** When the next step is due, on the clock {@link #advance} is given. */
    public long nextDueNanos() {
        return nextDue;
    }

    public long periodNanos() {
        return periodNanos;
    }
}
