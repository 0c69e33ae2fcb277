package dev.arena.server.room;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Fixed-step scheduling against a simulated clock. */
class TickClockTest {
    private static final long MS = 1_000_000L;

    @Test
    void jitteryTimersStillRunExactlyOneStepPerPeriodOverAnHour() {
        TickClock clock = new TickClock(20, 5, 0);
        SplittableRandom random = new SplittableRandom(3);
        long now = 0;
        long steps = 0;
        long hour = 3_600_000 * MS;
        while (now < hour) {
            // Timers fire up to 1 ms early-rounded and up to 30 ms late, as a busy event loop does.
            now += clock.untilNext(now) + random.nextLong(0, 30 * MS);
            steps += clock.advance(now);
        }
        long expected = now / (50 * MS);
        assertThat(steps).as("no drift after an hour of jitter").isEqualTo(expected);
    }

    @Test
    void periodsThatDoNotDivideAMillisecondDoNotDrift() {
        TickClock clock = new TickClock(60, 5, 0);
        long now = 0;
        long steps = 0;
        for (int i = 0; i < 600_000; i++) {
            now += 16 * MS; // a 16 ms timer against a 16.67 ms period
            steps += clock.advance(now);
        }
        assertThat(steps).isBetween(now / clock.periodNanos() - 1, now / clock.periodNanos());
    }

    @Test
    void aStallRunsAtMostTheCatchUpCapAndDropsTheRest() {
        TickClock clock = new TickClock(20, 5, 0);
        assertThat(clock.advance(50 * MS)).isEqualTo(1);
        assertThat(clock.lastLateness()).isZero();
        // A 1-second stall: 20 steps were due, 5 run, 15 dropped, schedule stays on the grid.
        assertThat(clock.advance(1050 * MS + 3 * MS)).isEqualTo(5);
        assertThat(clock.lastDropped()).isEqualTo(15);
        assertThat(clock.lastLateness()).isEqualTo(953 * MS);
        assertThat(clock.untilNext(1053 * MS)).isEqualTo(47 * MS);
        assertThat(clock.advance(1099 * MS)).isZero();
        assertThat(clock.advance(1100 * MS)).isEqualTo(1);
    }

    @Test
    void clocksOnTheSharedGridStepAtTheSameInstantsWhenEverTheyStart() {
        TickClock early = TickClock.onSharedGrid(20, 5, 1_234 * MS + 17, 0);
        TickClock late = TickClock.onSharedGrid(20, 5, 1_271 * MS + 3, 5);
        assertThat(early.nextDueNanos()).isEqualTo(1_250 * MS);
        assertThat(late.nextDueNanos()).isEqualTo(1_300 * MS);
        assertThat(early.advance(1_250 * MS + 400_000)).isEqualTo(1);
        assertThat(early.nextDueNanos()).isEqualTo(late.nextDueNanos());
        // Started exactly on its instant: the first step is a period later, not now.
        assertThat(TickClock.onSharedGrid(20, 5, 1_300 * MS, 0).nextDueNanos()).isEqualTo(1_350 * MS);
        // System.nanoTime() may be negative.
        assertThat(TickClock.onSharedGrid(20, 5, -30 * MS, 0).nextDueNanos()).isZero();
    }

    @Test
    void roomsInTurnFillTheSlotsOfThePeriodEvenly() {
        // 20 Hz: five slots 10 ms apart; room 7 is in slot 2, at 20 ms into each period.
        long[] due = new long[10];
        for (int room = 0; room < due.length; room++) {
            due[room] = Math.floorMod(TickClock.onSharedGrid(20, 5, 1_003 * MS, room).nextDueNanos(), 50 * MS);
        }
        assertThat(due).containsExactly(0, 10 * MS, 20 * MS, 30 * MS, 40 * MS, 0, 10 * MS, 20 * MS, 30 * MS, 40 * MS);
        TickClock seventh = TickClock.onSharedGrid(20, 5, 1_003 * MS, 7);
        assertThat(seventh.nextDueNanos()).isEqualTo(1_020 * MS);
        // 60 Hz: a period shorter than two slots is one slot; every room steps on the same instants.
        TickClock sixty = TickClock.onSharedGrid(60, 5, 1_000 * MS + 1, 3);
        assertThat(sixty.nextDueNanos() % sixty.periodNanos()).isZero();
        assertThat(sixty.nextDueNanos() - (1_000 * MS + 1)).isBetween(1L, sixty.periodNanos());
    }
}
