package dev.arena.loadtest;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The latency bookkeeping of arena-bench (docs/PERFORMANCE.md), on a simulated clock (nanoseconds as plain numbers). */
class LatencyTrackerTest {
    private static final long MS = 1_000_000L;
    private final LatencyTracker tracker = new LatencyTracker(8);
    private final List<Long> recorded = new ArrayList<>();

    @Test
    void anUpdateCompletesEveryPendingInputUpToItsLastSeq() {
        tracker.sent(1, 0);
        tracker.sent(2, 50 * MS);
        tracker.sent(3, 100 * MS);

        int completed = tracker.acknowledged(2, 120 * MS, recorded::add);

        assertThat(completed).isEqualTo(2);
        assertThat(recorded).containsExactly(120 * MS, 70 * MS);
        assertThat(tracker.pending()).isEqualTo(1);
    }

    @Test
    void clearedInputsAreNeverMeasured() {
        // The bot cut its connection: acknowledgements after the RESUME would time the reconnect.
        tracker.sent(1, 0);
        tracker.sent(2, 50 * MS);
        tracker.clear();
        tracker.sent(3, 900 * MS);
        assertThat(tracker.acknowledged(3, 930 * MS, recorded::add)).isEqualTo(1);
        assertThat(recorded).containsExactly(30 * MS);
        assertThat(tracker.pending()).isZero();
    }

    @Test
    void anUpdateThatDoesNotReachTheOldestInputCompletesNothing() {
        tracker.sent(5, 10 * MS);

        assertThat(tracker.acknowledged(4, 40 * MS, recorded::add)).isZero();
        assertThat(tracker.acknowledged(0, 45 * MS, recorded::add)).isZero();

        assertThat(recorded).isEmpty();
        assertThat(tracker.pending()).isEqualTo(1);
    }

    @Test
    void onlyTheFirstUpdateThatReachesAnInputEndsItsLatency() {
        tracker.sent(1, 0);
        tracker.acknowledged(1, 30 * MS, recorded::add);

        // Later updates still show lastSeq 1: the input is already complete.
        tracker.acknowledged(1, 80 * MS, recorded::add);
        tracker.acknowledged(1, 130 * MS, recorded::add);

        assertThat(recorded).containsExactly(30 * MS);
    }

    @Test
    void aSkippedSeqIsCompletedByALaterOne() {
        // The server dropped input 2 (say its queue was full) but applied 3.
        tracker.sent(1, 0);
        tracker.sent(2, 50 * MS);
        tracker.sent(3, 100 * MS);

        tracker.acknowledged(3, 140 * MS, recorded::add);

        assertThat(recorded).containsExactly(140 * MS, 90 * MS, 40 * MS);
        assertThat(tracker.pending()).isZero();
    }

    @Test
    void seqsAreComparedWithWrapAround() {
        tracker.sent(Integer.MAX_VALUE, 0);
        tracker.sent(Integer.MIN_VALUE, 50 * MS);

        tracker.acknowledged(Integer.MAX_VALUE, 60 * MS, recorded::add);
        assertThat(recorded).containsExactly(60 * MS);

        tracker.acknowledged(Integer.MIN_VALUE, 90 * MS, recorded::add);
        assertThat(recorded).containsExactly(60 * MS, 40 * MS);
    }

    @Test
    void aFullRingDropsTheOldestInputAndCountsIt() {
        for (int seq = 1; seq <= 10; seq++) {
            tracker.sent(seq, seq * MS);
        }

        assertThat(tracker.pending()).isEqualTo(8);
        assertThat(tracker.overflowed()).isEqualTo(2);
        tracker.acknowledged(10, 20 * MS, recorded::add);
        // Inputs 1 and 2 were dropped; 3..10 complete.
        assertThat(recorded).hasSize(8).first().isEqualTo(17 * MS);
    }

    @Test
    void aTrackerNeedsRoom() {
        assertThatThrownBy(() -> new LatencyTracker(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
