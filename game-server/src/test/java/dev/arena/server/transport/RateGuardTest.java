package dev.arena.server.transport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-connection rate limit, with time as an argument. */
class RateGuardTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void theLimitPassesInOneSecondAndOneMoreDoesNot() {
        RateGuard guard = new RateGuard(3);
        assertThat(guard.tryAcquire(0)).isTrue();
        assertThat(guard.tryAcquire(SECOND / 2)).isTrue();
        assertThat(guard.tryAcquire(SECOND - 1)).isTrue();
        assertThat(guard.tryAcquire(SECOND - 1)).as("a fourth within the window").isFalse();
    }

    @Test
    void aNewWindowOpensWithTheFirstMessageAfterTheLastOneEnded() {
        RateGuard guard = new RateGuard(2);
        guard.tryAcquire(0);
        guard.tryAcquire(1);
        assertThat(guard.tryAcquire(SECOND)).as("first of the next window").isTrue();
        assertThat(guard.tryAcquire(SECOND + 1)).isTrue();
        assertThat(guard.tryAcquire(2 * SECOND - 1)).isFalse();

        // A quiet spell leaves nothing counted against the next burst.
        RateGuard quiet = new RateGuard(2);
        quiet.tryAcquire(0);
        assertThat(quiet.tryAcquire(10 * SECOND)).isTrue();
        assertThat(quiet.tryAcquire(10 * SECOND + 5)).isTrue();
        assertThat(quiet.tryAcquire(10 * SECOND + 6)).isFalse();
    }

    @Test
    void theFirstWindowOpensWithTheFirstMessageNotWithTheConnection() {
        // A burst right after a slow handshake gets the whole limit, not what is left of a window.
        RateGuard guard = new RateGuard(2);
        assertThat(guard.tryAcquire(SECOND / 2)).isTrue();
        assertThat(guard.tryAcquire(SECOND + SECOND / 5)).isTrue();
        assertThat(guard.tryAcquire(SECOND + SECOND / 2 - 1)).as("within a second of the first").isFalse();
    }
}
