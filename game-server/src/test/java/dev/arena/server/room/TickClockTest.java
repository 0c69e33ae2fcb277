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
}
