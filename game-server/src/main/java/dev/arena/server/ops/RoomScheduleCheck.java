package dev.arena.server.ops;

import dev.arena.server.room.TickMonitor;
import io.vertx.core.Future;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * Ready only while every room ticks on time: none has a step overdue, or ran
 * its last steps late, by more than {@code management.readyTickLagMillis}.
 * A node whose rooms fall behind should get no new players.
 */
public final class RoomScheduleCheck implements ReadinessCheck {
    /** Room ids listed in a failure at most; the count is always given. */
    private static final int LISTED = 10;

    private final TickMonitor monitor;
    private final long maxLagNanos;
    private final LongSupplier nanoClock;

    /** @param nanoClock {@link System#nanoTime}, or a test's clock */
    public RoomScheduleCheck(TickMonitor monitor, long maxLagMillis, LongSupplier nanoClock) {
        this.monitor = monitor;
        this.maxLagNanos = maxLagMillis * 1_000_000L;
        this.nanoClock = nanoClock;
    }

    @Override
    public String name() {
        return "rooms";
    }

    @Override
    public Future<CheckResult> check() {
        List<String> behind = monitor.behind(nanoClock.getAsLong(), maxLagNanos);
        long limitMillis = maxLagNanos / 1_000_000;
        if (behind.isEmpty()) {
            return Future.succeededFuture(CheckResult.passed(
                    rooms(monitor.rooms()) + " within " + limitMillis + " ms of their tick schedule"));
        }
        String listed = String.join(", ", behind.subList(0, Math.min(LISTED, behind.size())))
                + (behind.size() > LISTED ? ", ..." : "");
        return Future.succeededFuture(CheckResult.failed(rooms(behind.size()) + " more than " + limitMillis
                + " ms behind their tick schedule: " + listed));
    }

    private static String rooms(int n) {
        return n + (n == 1 ? " room" : " rooms");
    }
}
