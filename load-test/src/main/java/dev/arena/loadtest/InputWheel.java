package dev.arena.loadtest;

import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.List;

/**
 * The input timer of one event loop's bots: every bot acts once a period,
 * at its own phase, and one timer ticking every millisecond walks the slot
 * of the bots due, instead of a timer per bot (twenty thousand timer tasks
 * a second for a thousand bots at 20 Hz). A late tick catches up on the
 * slots it passed, so no bot skips an input. On the group's event loop.
 */
final class InputWheel {
    private final Vertx vertx;
    private final int periodMillis;
    private final List<List<Runnable>> slots = new ArrayList<>();
    private final long origin = System.nanoTime();
    private long timer = -1;
    private long lastMillis;
    private int members;

    /** @param periodMillis how often each bot acts, milliseconds */
    InputWheel(Vertx vertx, int periodMillis) {
        this.vertx = vertx;
        this.periodMillis = periodMillis;
        for (int i = 0; i < periodMillis; i++) {
            slots.add(new ArrayList<>());
        }
    }

    int periodMillis() {
        return periodMillis;
    }

    /** Runs {@code act} every period from now on, at {@code phase} milliseconds into it (0 to period - 1). */
    void add(Runnable act, int phase) {
        slots.get(phase).add(act);
        if (members++ == 0) {
            lastMillis = elapsedMillis();
            timer = vertx.setPeriodic(1, id -> tick());
        }
    }

    /** Stops running {@code act} (added at {@code phase}). */
    void remove(Runnable act, int phase) {
        if (slots.get(phase).remove(act) && --members == 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    private void tick() {
        long now = elapsedMillis();
        // At most one period of catching up: past that every slot is due once anyway.
        for (long ms = Math.max(lastMillis + 1, now - periodMillis + 1); ms <= now; ms++) {
            List<Runnable> due = slots.get((int) (ms % periodMillis));
            // By index: an act may stop its own bot, which removes it from this list.
            for (int i = 0; i < due.size(); i++) {
                Runnable act = due.get(i);
                act.run();
                if (i < due.size() && due.get(i) != act) {
                    i--;
                }
            }
        }
        lastMillis = now;
    }

    private long elapsedMillis() {
        return (System.nanoTime() - origin) / 1_000_000;
    }
}
