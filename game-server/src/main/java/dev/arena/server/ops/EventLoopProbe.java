package dev.arena.server.ops;

import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.RejectedExecutionException;

/**
 * Ready only while every event loop is responsive: a probe task queued on
 * each loop must run within {@code management.readyLoopTimeoutMillis}. A loop
 * that game code or a slow handler blocks stalls every room and connection on
 * it, so the node should get no new players. Answers as soon as every loop
 * has run its probe, at the latest after the timeout.
 *
 * <p>Vert.x has no public list of its event loops; {@code VertxInternal} (the
 * API Vert.x offers its own modules) has, so this covers loops that no
 * verticle of ours knows about.
 */
public final class EventLoopProbe implements ReadinessCheck {
    private final Vertx vertx;
    private final long timeoutMillis;

    public EventLoopProbe(Vertx vertx, long timeoutMillis) {
        this.vertx = vertx;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public String name() {
        return "eventLoops";
    }

    @Override
    public Future<CheckResult> check() {
        List<EventExecutor> loops = new ArrayList<>();
        ((VertxInternal) vertx).eventLoopGroup().forEach(loops::add);
        // All bookkeeping happens on the caller's context, so it needs no locks.
        Context context = vertx.getOrCreateContext();
        Promise<CheckResult> result = Promise.promise();
        boolean[] answered = new boolean[loops.size()];
        int[] pending = {loops.size()};
        long timer = vertx.setTimer(timeoutMillis, id -> result.tryComplete(unanswered(answered)));
        for (int i = 0; i < loops.size(); i++) {
            int index = i;
            try {
                loops.get(i).execute(() -> context.runOnContext(v -> {
                    answered[index] = true;
                    if (--pending[0] == 0) {
                        vertx.cancelTimer(timer);
                        result.tryComplete(CheckResult.passed(
                                "all " + loops.size() + " event loops ran a probe within " + timeoutMillis + " ms"));
                    }
                }));
            } catch (RejectedExecutionException shuttingDown) {
                // That loop never answers; the timeout reports it.
            }
        }
        return result.future();
    }

    private CheckResult unanswered(boolean[] answered) {
        StringJoiner late = new StringJoiner(", ");
        int count = 0;
        for (int i = 0; i < answered.length; i++) {
            if (!answered[i]) {
                late.add(String.valueOf(i));
                count++;
            }
        }
        return CheckResult.failed(count + " of " + answered.length + " event loops did not run a probe within "
                + timeoutMillis + " ms (loop " + late + ")");
    }
}
