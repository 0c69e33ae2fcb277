package dev.arena.server.room;

import io.vertx.core.Handler;
import io.vertx.core.internal.ContextInternal;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Wakes a room at each step of its {@link TickClock}: one fixed-rate task on
 * the event loop of the room's context, armed once, that hands the room's
 * thread a wake-up at every step instant.
 *
 * <p>Why not a Vert.x timer set again after each step: that was set from the
 * room's thread, so every room woke its timer's event loop once per tick
 * only to queue the next timer (a task and an eventfd write, 1,000 a second at
 * 1,000 players), and made a timer, its id and a map entry each time. Netty
 * re-arms a fixed-rate task in place, on the loop, at exactly
 * {@code first + k * period}: the clock's grid, since its period is whole
 * nanoseconds.
 *
 * <p>At most one wake-up is queued at a time: instants that pass while the
 * room is still busy (a slow step, a stuck game) queue nothing, and the
 * clock runs the steps they missed at the next wake-up. {@link #cancel} from
 * any thread; a wake-up already queued still comes, so the room checks
 * whether it has ended.
 */
final class StepTimer implements Runnable {
    private final ContextInternal context;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final Handler<Void> wake;
    private volatile ScheduledFuture<?> task;

    /** @param onWake what the room does when woken, on its own context */
    StepTimer(ContextInternal context, Runnable onWake) {
        this.context = context;
        this.wake = v -> {
            queued.set(false);
            onWake.run();
        };
    }

    /** Wakes the room at {@code firstNanos} ({@link System#nanoTime()}'s clock), then every {@code periodNanos}. */
    void start(long firstNanos, long periodNanos) {
        long delay = Math.max(0, firstNanos - System.nanoTime());
        task = context.nettyEventLoop().scheduleAtFixedRate(this, delay, periodNanos, TimeUnit.NANOSECONDS);
    }

    /** A step instant, on the event loop: the room gets a wake-up unless one is still waiting for it. */
    @Override
    public void run() {
        if (queued.compareAndSet(false, true)) {
            context.emit(wake);
        }
    }

    /** No more wake-ups are queued from now on. Any thread; idempotent. */
    void cancel() {
        ScheduledFuture<?> armed = task;
        if (armed != null) {
            armed.cancel(false);
        }
    }
}
