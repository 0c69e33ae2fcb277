package dev.arena.loadtest;

import org.HdrHistogram.Recorder;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What every bot reports, shared by all event loops: counters that only
 * grow (the runner takes differences between snapshots), the number of bots
 * playing, and the input latencies in microseconds in an HdrHistogram
 * {@link Recorder}, from which the runner takes one interval histogram a
 * second.
 */
public final class Stats {
    /** Monotonic counters. The error kinds are summed into the run's error figure. */
    public enum Count {
        BYTES_IN, BYTES_OUT, MESSAGES_IN, MESSAGES_OUT, INPUTS_SENT, INPUTS_SKIPPED, UPDATES,
        /** Entities each bot held after each update, summed: divided by UPDATES, the mean view. */
        VIEW_ENTITIES,
        /** Entities that appeared (spawned or entered the view) and disappeared in deltas. */
        ENTERED, LEFT,
        PINGS_ANSWERED,
        /** Joins answered with REDIRECT and followed to the node that holds the seat (a cluster). */
        REDIRECTS,
        JOINED, REJECTED_JOINS, UPGRADES_REFUSED, DISCONNECTS, RESUMES_ATTEMPTED, RESUMES_SUCCEEDED,
        ERROR_MESSAGES, UNDECODABLE_FRAMES, STATE_ERRORS, UNEXPECTED_CLOSES, CONNECT_FAILURES, SOCKET_EXCEPTIONS,
        ROOM_MISPLACED, RESUMES_FAILED, GAME_REFUSALS;

        /** Whether this count is one of the error kinds of arena-bench ("errors, disconnects, rejected joins"). */
        public boolean isError() {
            return ordinal() >= ERROR_MESSAGES.ordinal();
        }
    }

    private final LongAdder[] counts = new LongAdder[Count.values().length];
    private final AtomicInteger playing = new AtomicInteger();
    /** Why joins failed ({@link Count#REJECTED_JOINS}): a handful of reasons, never an id. */
    private final Map<String, LongAdder> rejectedJoinReasons = new ConcurrentHashMap<>();
    private final Map<String, Refusal> refusals = new ConcurrentHashMap<>();
    /** Input latency, microseconds. Auto-resizing, 3 significant digits. */
    final Recorder latency = new Recorder(3);
    /** From a bot's first connect to its WELCOME, redirects included; microseconds. */
    final Recorder joinTime = new Recorder(3);

    public Stats() {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    public void add(Count count, long n) {
        counts[count.ordinal()].add(n);
    }

    public void increment(Count count) {
        counts[count.ordinal()].increment();
    }

    /** Records the reason of one join counted in {@link Count#REJECTED_JOINS}. */
    void rejectedJoin(String reason) {
        rejectedJoinReasons.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    /** Failed joins by reason, sorted by reason. */
    public Map<String, Long> rejectedJoinsByReason() {
        Map<String, Long> byReason = new TreeMap<>();
        rejectedJoinReasons.forEach((reason, n) -> byReason.put(reason, n.sum()));
        return byReason;
    }

    /**
     * The server answered a WebSocket upgrade with an HTTP status instead of
     * 101 (docs/SECURITY.md).
     *
     * @param reason  its {@code X-Arena-Refusal} header ({@code per_ip}, {@code server_full}, {@code origin}),
     *                or {@code http_<status>} when it sent none
     * @param message the response body, which names the setting
     */
    public void upgradeRefused(String reason, int status, String message) {
        increment(Count.UPGRADES_REFUSED);
        refusals.computeIfAbsent(reason, r -> new Refusal(status, message, new LongAdder())).count().increment();
    }

    /** Refused upgrades so far, by reason. */
    public Map<String, Refusal> refusals() {
        return Map.copyOf(refusals);
    }

    /** @param message the body of the first refusal of this reason */
    public record Refusal(int status, String message, LongAdder count) {
    }

    /** Records one input latency. */
    public void recordLatencyNanos(long nanos) {
        latency.recordValue(Math.max(1, nanos / 1000));
    }

    /** A bot's WELCOME arrived {@code nanos} after it started to connect (redirects included). */
    void recordJoinNanos(long nanos) {
        joinTime.recordValue(Math.max(1, nanos / 1000));
    }

    void playing(int delta) {
        playing.addAndGet(delta);
    }

    /** Bots that got their WELCOME and still have their connection. */
    public int playing() {
        return playing.get();
    }

    /** The current value of every counter, indexed by {@link Count#ordinal()}. */
    public long[] snapshot() {
        long[] s = new long[counts.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = counts[i].sum();
        }
        return s;
    }

    public static long errors(long[] snapshot) {
        long n = 0;
        for (Count c : Count.values()) {
            if (c.isError()) {
                n += snapshot[c.ordinal()];
            }
        }
        return n;
    }
}
