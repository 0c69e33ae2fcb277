package dev.arena.server.ops;

import dev.arena.server.room.TickMonitor;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Each readiness check on its own: rooms behind schedule, a blocked event loop, the combined report. */
class ReadinessChecksTest {
    private static final long MS = 1_000_000L;

    @Test
    void roomsWithinTheLagAreOnScheduleAndARoomBehindIsNamed() {
        TickMonitor monitor = new TickMonitor();
        long[] now = {1_000 * MS};
        RoomScheduleCheck check = new RoomScheduleCheck(monitor, 100, () -> now[0]);
        TickMonitor.Entry r1 = monitor.register("r1", now[0] + 50 * MS);
        TickMonitor.Entry r2 = monitor.register("r2", now[0] + 50 * MS);
        assertThat(check.check().result()).isEqualTo(CheckResult.passed("2 rooms within 100 ms of their tick schedule"));

        // r1 keeps ticking; r2's next step has been due for 150 ms.
        now[0] += 200 * MS;
        r1.update(now[0] + 50 * MS, 2 * MS);
        CheckResult stalled = check.check().result();
        assertThat(stalled.ok()).isFalse();
        assertThat(stalled.detail()).isEqualTo("1 room more than 100 ms behind their tick schedule: r2");

        // r2 wakes up 150 ms late: behind until a wake-up on time.
        r2.update(now[0] + 50 * MS, 150 * MS);
        assertThat(check.check().result().detail()).endsWith(": r2");
        r2.update(now[0] + 50 * MS, 0);
        assertThat(check.check().result().ok()).isTrue();

        // A room that stops is no longer watched.
        monitor.unregister(r2);
        now[0] += 1_000 * MS;
        assertThat(check.check().result().detail()).endsWith(": r1");
        monitor.unregister(r1);
        assertThat(check.check().result()).isEqualTo(CheckResult.passed("0 rooms within 100 ms of their tick schedule"));
    }

    @Test
    void aBlockedEventLoopFailsTheProbeUntilItIsReleased() throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        try {
            // One loop to block and one to probe from: in the server the probe runs on the
            // management server's loop, which must be free to answer at all.
            Context stuckLoop = newContext(vertx);
            Context probing = newContext(vertx);
            while (threadOf(probing).equals(threadOf(stuckLoop))) {
                probing = newContext(vertx);
            }
            EventLoopProbe probe = new EventLoopProbe(vertx, 200);
            assertThat(checkOn(probing, probe)).isEqualTo(CheckResult.passed("all 2 event loops ran a probe within 200 ms"));

            // Game code that does not return, standing in for one that loops or blocks.
            stuckLoop.runOnContext(v -> {
                blocked.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
            CheckResult stuck = checkOn(probing, probe);
            assertThat(stuck.ok()).isFalse();
            assertThat(stuck.detail()).startsWith("1 of 2 event loops did not run a probe within 200 ms");

            release.countDown();
            assertThat(checkOn(probing, probe).ok()).isTrue();
        } finally {
            release.countDown();
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    private static CheckResult checkOn(Context context, ReadinessCheck check) throws Exception {
        Promise<CheckResult> result = Promise.promise();
        context.runOnContext(v -> check.check().onComplete(result));
        return result.future().await(10, TimeUnit.SECONDS);
    }

    /** A fresh event-loop context: each deployment takes the next loop in turn. */
    private static Context newContext(Vertx vertx) throws Exception {
        Promise<Context> created = Promise.promise();
        vertx.deployVerticle(new VerticleBase() {
            @Override
            public Future<?> start() {
                created.complete(context);
                return Future.succeededFuture();
            }
        }).await(10, TimeUnit.SECONDS);
        return created.future().await(10, TimeUnit.SECONDS);
    }

    private static String threadOf(Context context) throws Exception {
        Promise<String> name = Promise.promise();
        context.runOnContext(v -> name.complete(Thread.currentThread().getName()));
        return name.future().await(10, TimeUnit.SECONDS);
    }

    @Test
    void theReportIsReadyOnlyWhenEveryCheckPassesAndNamesTheFailedOnes() throws Exception {
        ServerLifecycle lifecycle = new ServerLifecycle();
        ReadinessCheck fine = check("fine", Future.succeededFuture(CheckResult.passed("ok")));
        ReadinessCheck broken = check("broken", Future.failedFuture(new IllegalStateException("boom")));

        Readiness.Report starting = new Readiness(List.of(lifecycle, fine)).evaluate().await(10, TimeUnit.SECONDS);
        assertThat(starting.ready()).isFalse();
        assertThat(starting.body().getJsonArray("failed")).isEqualTo(new JsonArray().add("lifecycle"));
        assertThat(starting.body().getJsonObject("checks").getJsonObject("lifecycle").getString("detail")).isEqualTo("starting");

        lifecycle.running();
        Readiness.Report running = new Readiness(List.of(lifecycle, fine)).evaluate().await(10, TimeUnit.SECONDS);
        assertThat(running.ready()).isTrue();
        assertThat(running.body().getString("status")).isEqualTo("UP");

        Readiness.Report failing = new Readiness(List.of(lifecycle, fine, broken)).evaluate().await(10, TimeUnit.SECONDS);
        assertThat(failing.ready()).isFalse();
        assertThat(failing.body().getString("status")).isEqualTo("DOWN");
        assertThat(failing.body().getJsonArray("failed")).isEqualTo(new JsonArray().add("broken"));
        assertThat(failing.body().getJsonObject("checks").getJsonObject("broken").getString("detail"))
                .contains("boom");

        lifecycle.stopping();
        lifecycle.running();
        assertThat(new Readiness(List.of(lifecycle)).evaluate().await(10, TimeUnit.SECONDS).body()
                .getJsonObject("checks").getJsonObject("lifecycle").getString("detail"))
                .as("no way back from shutting down").isEqualTo("shutting down");
    }

    private static ReadinessCheck check(String name, Future<CheckResult> result) {
        return new ReadinessCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Future<CheckResult> check() {
                return result;
            }
        };
    }
}
