package dev.arena.loadtest;

import dev.arena.loadtest.Stats.Count;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One arena-bench run against a server: starts {@code R x P} bots at
 * {@code --ramp} joins per second, room by room (the first bot of a room
 * quick-joins, the others join the room its WELCOME named once it is in;
 * the next room's first bot waits until this room is settled, so with
 * {@code room.capacity = P} every room gets exactly P bots), then warms up
 * and measures for the configured seconds.
 *
 * <p>The calling thread drives the run: it starts bots, and once a second
 * it takes the latency interval histogram and the counters, prints a
 * progress line and moves between phases. Phases change only on those
 * one-second boundaries, so the measured window is made of whole intervals.
 * Every wait is bounded: the ramp by the bot count, the ramp rate and the
 * join timeout, the rest by the configured seconds.
 */
public final class LoadRun {
    public enum Phase { RAMP, WARMUP, MEASURE }

    /** Hooks at the edges of the measured window (the bench runner samples the server's CPU there). */
    public interface Listener {
        default void measureStarted() {
        }

        default void measureEnded() {
        }
    }

    /** One second of the run. Latencies in milliseconds; rates are per second. */
    public record Sample(double t, Phase phase, int playing, long[] counts, long latencyCount, double p50,
                         double p90, double p99, double p999, double max, long errorsSoFar) {
        public long count(Count c) {
            return counts[c.ordinal()];
        }
    }

    private static final long SECOND = 1_000_000_000L;
    private static final long JOIN_SLACK_NANOS = 40 * SECOND;

    private final Options options;
    private final PrintStream progress;
    private final Listener listener;
    private final Stats stats = new Stats();

    public LoadRun(Options options, PrintStream progress, Listener listener) {
        this.options = options;
        this.progress = progress;
        this.listener = listener;
    }

    public Stats stats() {
        return stats;
    }

    /** Runs to the end and returns the figures; stops every bot and event loop it started. */
    public RunResult run() throws Exception {
        int loops = options.loops;
        Target target = new Target(options.url, options.insecure);
        progress.println("target: " + target.describe());
        Vertx vertx = Vertx.builder().with(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(loops).setWorkerPoolSize(2)
                .setInternalBlockingPoolSize(2)).build();
        List<BotGroup> groups = new ArrayList<>();
        try {
            for (int i = 0; i < loops; i++) {
                BotGroup group = new BotGroup(options.bots() / loops + 1, target, options.inputHz);
                vertx.deployVerticle(group).await(30, TimeUnit.SECONDS);
                groups.add(group);
            }
            Bot[] bots = new Bot[options.bots()];
            for (int i = 0; i < bots.length; i++) {
                BotGroup group = groups.get(i % loops);
                bots[i] = new Bot(i, i / options.players, i % options.players == 0, group, stats,
                        options.game, options.inputHz, options.seed, options.fullState, options.dropEverySeconds * 1000L);
                group.add(bots[i]);
            }
            return drive(bots);
        } finally {
            List<Future<Void>> closes = new ArrayList<>();
            for (BotGroup g : groups) {
                closes.add(g.closeAll());
            }
            try {
                Future.join(closes).await(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                progress.println("warning: bots did not close within 15 s: " + e);
            }
            vertx.close().await(15, TimeUnit.SECONDS);
        }
    }

    private RunResult drive(Bot[] bots) {
        Instant startedAt = Instant.now();
        long t0 = System.nanoTime();
        long rampDeadline = t0 + (long) bots.length * SECOND / options.rampPerSecond + JOIN_SLACK_NANOS;
        Phase phase = Phase.RAMP;
        int phaseSeconds = 0;
        int nextBot = 0;
        long nextSample = t0 + SECOND;
        long[] previous = stats.snapshot();
        long[] measureStart = null;
        long[] measureEnd = null;
        long measureStartNanos = 0;
        long measureEndNanos = 0;
        long cpuStart = 0;
        long cpuEnd = 0;
        long[] splitStart = null;
        long[] splitEnd = null;
        Histogram interval = null;
        Histogram measured = new Histogram(3);
        Histogram all = new Histogram(3);
        List<Sample> samples = new ArrayList<>();
        Map<String, String> leaderRooms = new HashMap<>();
        boolean rampDone = false;
        String rampNote = null;

        while (true) {
            long now = System.nanoTime();
            if (phase == Phase.RAMP && !rampDone) {
                long due = Math.min(bots.length, (now - t0) * options.rampPerSecond / SECOND + 1);
                while (nextBot < due) {
                    Bot bot = bots[nextBot];
                    if (bot.leader) {
                        if (bot.room > 0 && !settled(bots, bot.room - 1)) {
                            break;
                        }
                        bot.group().run(() -> bot.start(null));
                    } else {
                        Bot leader = bots[bot.room * options.players];
                        if (leader.outcome() == Bot.Outcome.PENDING) {
                            break;
                        }
                        if (leader.outcome() == Bot.Outcome.FAILED) {
                            bot.abandon("first_bot_failed", "its room's first bot could not join: " + leader.failure());
                        } else {
                            if (bot.index % options.players == 1) {
                                checkLeader(leader, leaderRooms);
                            }
                            String roomId = leader.roomId();
                            bot.group().run(() -> bot.start(roomId));
                        }
                    }
                    nextBot++;
                }
                if (nextBot == bots.length && settled(bots, bots.length / options.players - 1)) {
                    if (options.players == 1) {
                        for (Bot b : bots) {
                            if (b.outcome() == Bot.Outcome.JOINED) {
                                checkLeader(b, leaderRooms);
                            }
                        }
                    }
                    rampDone = true;
                } else if (now - rampDeadline > 0) {
                    for (int i = nextBot; i < bots.length; i++) {
                        bots[i].abandon("ramp_timeout", "not started: the ramp ran out of time");
                    }
                    nextBot = bots.length;
                    rampNote = "the ramp timed out; bots still joining were abandoned";
                    rampDone = true;
                }
            }
            if (now - nextSample >= 0) {
                long[] current = stats.snapshot();
                interval = stats.latency.getIntervalHistogram(interval);
                all.add(interval);
                if (phase == Phase.MEASURE) {
                    measured.add(interval);
                }
                long[] delta = new long[current.length];
                for (int i = 0; i < current.length; i++) {
                    delta[i] = current[i] - previous[i];
                }
                previous = current;
                Sample sample = new Sample((now - t0) / 1e9, phase, stats.playing(), delta, interval.getTotalCount(),
                        ms(interval, 50), ms(interval, 90), ms(interval, 99), ms(interval, 99.9),
                        interval.getTotalCount() == 0 ? 0 : interval.getMaxValue() / 1000.0, Stats.errors(current));
                samples.add(sample);
                printProgress(sample, phase == Phase.MEASURE ? measured : all, bots.length);
                phaseSeconds++;
                nextSample += SECOND;
                if (phase == Phase.RAMP && rampDone) {
                    phase = options.warmupSeconds > 0 ? Phase.WARMUP : Phase.MEASURE;
                    phaseSeconds = 0;
                } else if (phase == Phase.WARMUP && phaseSeconds >= options.warmupSeconds) {
                    phase = Phase.MEASURE;
                    phaseSeconds = 0;
                } else if (phase == Phase.MEASURE && phaseSeconds >= options.durationSeconds) {
                    measureEnd = current;
                    measureEndNanos = now;
                    cpuEnd = processCpuNanos();
                    splitEnd = ProcStat.userSystemNanos(ProcessHandle.current().pid());
                    listener.measureEnded();
                    break;
                }
                if (phase == Phase.MEASURE && measureStart == null) {
                    measureStart = current;
                    measureStartNanos = now;
                    cpuStart = processCpuNanos();
                    splitStart = ProcStat.userSystemNanos(ProcessHandle.current().pid());
                    listener.measureStarted();
                }
                if (now - nextSample > SECOND) {
                    // The driver itself fell behind (a stalled machine): skip the missed boundaries.
                    nextSample = now + SECOND;
                }
                continue;
            }
            long sleep = Math.min(nextSample - now, rampDone ? SECOND : 2_000_000L);
            LockSupport.parkNanos(Math.max(100_000L, sleep));
        }
        List<String> failures = new ArrayList<>();
        for (Bot b : bots) {
            if (b.failure() != null && failures.size() < 10) {
                failures.add("bot " + b.index + ": " + b.failure());
            }
        }
        RunResult result = new RunResult(options, startedAt, samples, measured, all, measureStart, measureEnd,
                (measureEndNanos - measureStartNanos) / 1e9, cpuEnd - cpuStart, stats.playing(),
                stats.rejectedJoinsByReason(), failures, rampNote);
        result.latencyExpected = java.util.Arrays.stream(bots).noneMatch(b -> b.outcome() == Bot.Outcome.JOINED)
                || java.util.Arrays.stream(bots).anyMatch(Bot::measuresLatency);
        result.refusals = stats.refusals();
        if (splitStart != null && splitEnd != null) {
            result.botUserCpuNanos = splitEnd[0] - splitStart[0];
            result.botSystemCpuNanos = splitEnd[1] - splitStart[1];
        }
        result.joinTime = stats.joinTime.getIntervalHistogram();
        // Every bot of a run plays one game, so the first one seated says what its latency is of.
        java.util.Arrays.stream(bots).map(Bot::behaviour).filter(java.util.Objects::nonNull).findFirst().ifPresent(b -> {
            result.latencyOf = b.latencyOf();
            result.latencyNote = b.latencyNote();
        });
        return result;
    }

    /** Every bot of the room has joined or failed. */
    private boolean settled(Bot[] bots, int room) {
        for (int i = room * options.players; i < (room + 1) * options.players; i++) {
            if (bots[i].outcome() == Bot.Outcome.PENDING) {
                return false;
            }
        }
        return true;
    }

    /** Two rooms' first bots in one server room means rooms are not filled P at a time: room.capacity > P. */
    private void checkLeader(Bot leader, Map<String, String> leaderRooms) {
        String key = leader.roomId();
        String owner = leaderRooms.putIfAbsent(key, Integer.toString(leader.room));
        if (owner != null && !owner.equals(Integer.toString(leader.room))) {
            stats.increment(Count.ROOM_MISPLACED);
            progress.println("error: rooms " + owner + " and " + leader.room + " both landed in server room " + key
                    + ": start the server with -Darena.room.capacity=" + options.players);
        }
    }

    private void printProgress(Sample s, Histogram soFar, int target) {
        progress.println(String.format(Locale.ROOT,
                "[%5.0fs %-7s] bots %d/%d  inputs %d/s  updates %d/s  rx %s/s  tx %s/s  p50 %.1f p99 %.1f ms (1s)"
                        + "  p50 %.1f p99 %.1f ms (%s)  errors %d",
                s.t(), s.phase().name().toLowerCase(), s.playing(), target, s.count(Count.INPUTS_SENT),
                s.count(Count.UPDATES), bytes(s.count(Count.BYTES_IN)), bytes(s.count(Count.BYTES_OUT)),
                s.p50(), s.p99(), ms(soFar, 50), ms(soFar, 99), s.phase() == Phase.MEASURE ? "measured" : "so far",
                s.errorsSoFar()));
    }

    static String bytes(long n) {
        if (n >= 10_000_000) {
            return String.format(Locale.ROOT, "%.1f MB", n / 1e6);
        }
        if (n >= 10_000) {
            return String.format(Locale.ROOT, "%.1f kB", n / 1e3);
        }
        return n + " B";
    }

    static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
    }

    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return ProcStat.cpuNanos(ProcessHandle.current().pid());
    }
}
