package dev.arena.loadtest;

import dev.arena.loadtest.Stats.Count;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The few honest players of the {@code hostile} command: arena-bench bots
 * ({@link Bot}) in one room, playing while the attacks run. They count as
 * disturbed when one of them is disconnected or sees an error, or when a
 * second of the attacks brought them less than half the state updates of a
 * quiet second before.
 */
final class HostileBots implements AutoCloseable {
    private static final long JOIN_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(20);

    private final Vertx vertx;
    private final BotGroup group;
    private final Stats stats = new Stats();
    private final Bot[] bots;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hostile-bot-sampler");
        t.setDaemon(true);
        return t;
    });
    private final List<Long> updatesPerSecond = new ArrayList<>();
    private long baselineUpdatesPerSecond;
    private long[] before;
    private long[] after;
    private Histogram latency;
    private Histogram quietLatency;

    HostileBots(URI url, int count, long seed) throws Exception {
        vertx = Vertx.builder().with(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1)).build();
        group = new BotGroup(count, new Target(url, false), 20);
        vertx.deployVerticle(group).await(30, TimeUnit.SECONDS);
        bots = new Bot[count];
        for (int i = 0; i < count; i++) {
            bots[i] = new Bot(i, 0, i == 0, group, stats, null, 20, seed, true, 0);
            group.add(bots[i]);
        }
    }

    /** Joins every bot into one room; throws if they cannot (the attacks then have nobody to disturb). */
    void join() {
        group.run(() -> bots[0].start(null));
        awaitSettled(bots[0]);
        if (bots[0].outcome() != Bot.Outcome.JOINED) {
            throw new IllegalStateException("the first bot could not join: " + bots[0].failure());
        }
        String room = bots[0].roomId();
        for (int i = 1; i < bots.length; i++) {
            Bot bot = bots[i];
            group.run(() -> bot.start(room));
        }
        for (Bot bot : bots) {
            awaitSettled(bot);
            if (bot.outcome() != Bot.Outcome.JOINED) {
                throw new IllegalStateException("bot " + bot.index + " could not join: " + bot.failure());
            }
        }
    }

    private static void awaitSettled(Bot bot) {
        long deadline = System.nanoTime() + JOIN_TIMEOUT_NANOS;
        while (bot.outcome() == Bot.Outcome.PENDING && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /** Measures a quiet stretch as the baseline, then samples every second until {@link #stopWatching}. */
    void watch(int quietSeconds) {
        long start = stats.snapshot()[Count.UPDATES.ordinal()];
        stats.latency.getIntervalHistogram();
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(quietSeconds));
        baselineUpdatesPerSecond = (stats.snapshot()[Count.UPDATES.ordinal()] - start) / quietSeconds;
        before = stats.snapshot();
        quietLatency = stats.latency.getIntervalHistogram();
        long[] last = {before[Count.UPDATES.ordinal()]};
        sampler.scheduleAtFixedRate(() -> {
            long now = stats.snapshot()[Count.UPDATES.ordinal()];
            synchronized (updatesPerSecond) {
                updatesPerSecond.add(now - last[0]);
            }
            last[0] = now;
        }, 1, 1, TimeUnit.SECONDS);
    }

    void stopWatching() {
        sampler.shutdownNow();
        after = stats.snapshot();
        latency = stats.latency.getIntervalHistogram();
    }

    boolean disturbed() {
        return !reasons().isEmpty();
    }

    /** Why the bots count as disturbed; empty when they were not. */
    List<String> reasons() {
        List<String> why = new ArrayList<>();
        if (stats.playing() < bots.length) {
            why.add((bots.length - stats.playing()) + " of " + bots.length + " bots no longer playing");
        }
        long errors = Stats.errors(after) - Stats.errors(before);
        if (errors > 0) {
            why.add(errors + " errors");
        }
        long slowest = slowestSecond();
        if (slowest >= 0 && slowest * 2 < baselineUpdatesPerSecond) {
            why.add("a second with " + slowest + " updates against " + baselineUpdatesPerSecond + " before the attacks");
        }
        return why;
    }

    private long slowestSecond() {
        synchronized (updatesPerSecond) {
            return updatesPerSecond.stream().mapToLong(Long::longValue).min().orElse(-1);
        }
    }

    JsonObject toJson() {
        return new JsonObject()
                .put("bots", bots.length)
                .put("playingAtEnd", stats.playing())
                .put("errors", Stats.errors(after) - Stats.errors(before))
                .put("disconnects", after[Count.DISCONNECTS.ordinal()] - before[Count.DISCONNECTS.ordinal()])
                .put("updatesPerSecondBefore", baselineUpdatesPerSecond)
                .put("slowestSecondDuringAttacks", slowestSecond())
                .put("inputLatencyP99MsBefore", p99(quietLatency))
                .put("inputLatencyP99Ms", p99(latency))
                .put("inputsAnswered", latency.getTotalCount())
                .put("disturbed", disturbed())
                .put("why", reasons());
    }

    private static double p99(Histogram h) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(99) / 1000.0;
    }

    @Override
    public void close() throws Exception {
        sampler.shutdownNow();
        try {
            group.closeAll().await(15, TimeUnit.SECONDS);
        } finally {
            vertx.close().await(15, TimeUnit.SECONDS);
        }
    }
}
