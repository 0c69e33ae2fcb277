package dev.arena.server.room;

/**
 * Fixed-step timing without drift. Ticks are due at {@code start + k * period}
 * for whole k, whatever the lateness of the timer that asks: a late wake-up
 * runs the missed steps at once, up to a cap, and the time past the cap is
 * dropped (so a stalled room does not spin to catch up forever). Time is an
 * argument, so tests drive it with a simulated clock.
 *
 * <p>{@link #onSharedGrid} puts the clocks of one rate on a few shared
 * instants per period, {@link #SLOT_SPACING_NANOS} apart: rooms that step
 * together wake the timer's event loop and the room threads once for all of
 * them, and their frames reach each socket's event loop as one batch, where
 * rooms spread evenly over the period would each wake both. Not on one
 * instant per period: a thousand players' frames written and read in one
 * burst wait for each other (measured: +8 ms input latency at the median).
 */
public final class TickClock {
    private final long periodNanos;
    private final int maxCatchUp;
    private long nextDue;
    private long lastLateness;
    private long lastDropped;

    /** How far apart the shared instants of {@link #onSharedGrid} are, at most. */
    static final long SLOT_SPACING_NANOS = 10_000_000L;

    /**
     * A clock on the shared grid of its rate: the period is cut into slots at
     * most {@link #SLOT_SPACING_NANOS} long, on {@code nowNanos}'s clock (the
     * JVM's {@link System#nanoTime()} for rooms), and this clock's steps fall
     * on the start of slot {@code room} modulo their number. Rooms numbered in
     * turn fill the slots evenly. The first step is within a period of
     * {@code nowNanos}, never at it.
     */
    public static TickClock onSharedGrid(int hz, int maxCatchUp, long nowNanos, int room) {
        long period = 1_000_000_000L / hz;
        long slots = Math.max(1, period / SLOT_SPACING_NANOS);
        long offset = Math.floorMod(room, slots) * (period / slots);
        return new TickClock(hz, maxCatchUp, nowNanos - Math.floorMod(nowNanos - offset, period));
    }

    /** A clock whose first step is due a period after {@code startNanos}. */
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
