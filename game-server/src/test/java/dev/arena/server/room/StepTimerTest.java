package dev.arena.server.room;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The rooms' step timer, on a real worker context as rooms have: on the clock's grid, never piling up, cancellable. */
@ExtendWith(VertxExtension.class)
class StepTimerTest {
    private static final long PERIOD = TimeUnit.MILLISECONDS.toNanos(20);

    /** A worker verticle like a room's, whose context the timer wakes. */
    private static Context workerContext(Vertx vertx) throws Exception {
        AtomicReference<Context> started = new AtomicReference<>();
        vertx.deployVerticle(new VerticleBase() {
            @Override
            public Future<?> start() {
                started.set(context);
                return Future.succeededFuture();
            }
        }, new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)).await(5, TimeUnit.SECONDS);
        return started.get();
    }

    @Test
    void wakesTheRoomOnItsOwnContextAtEveryStepInstantNeverBeforeIt(Vertx vertx) throws Exception {
        Context room = workerContext(vertx);
        List<Long> wakes = new CopyOnWriteArrayList<>();
        List<Boolean> onRoomContext = new CopyOnWriteArrayList<>();
        CountDownLatch tenWakes = new CountDownLatch(10);
        StepTimer timer = new StepTimer((ContextInternal) room, () -> {
            wakes.add(System.nanoTime());
            onRoomContext.add(Vertx.currentContext() == room && Context.isOnWorkerThread());
            tenWakes.countDown();
        });
        long first = System.nanoTime() + PERIOD;
        timer.start(first, PERIOD);
        assertThat(tenWakes.await(5, TimeUnit.SECONDS)).isTrue();
        timer.cancel();

        assertThat(wakes).hasSizeGreaterThanOrEqualTo(8);
        assertThat(onRoomContext).containsOnly(true);
        for (int k = 0; k < wakes.size(); k++) {
            // Each wake-up comes at or after its instant on the grid: a room woken early would step late.
            assertThat(wakes.get(k)).isGreaterThanOrEqualTo(first + k * PERIOD);
        }
    }

    @Test
    void instantsThatPassWhileTheRoomIsBusyQueueOneWakeUpNotOneEach(Vertx vertx) throws Exception {
        Context room = workerContext(vertx);
        List<Long> wakes = new CopyOnWriteArrayList<>();
        // The first step is busy for 15 periods and a quarter, like a slow or stuck game: it waits for a timer of
        // the test's, set from here (one set from the busy room's context would fire there, behind the busy step).
        // Off the grid by a quarter period, so the wake-up left queued and the next instant's are not a tie.
        CountDownLatch busyEnds = new CountDownLatch(1);
        CountDownLatch sixWakes = new CountDownLatch(6);
        StepTimer timer = new StepTimer((ContextInternal) room, () -> {
            wakes.add(System.nanoTime());
            sixWakes.countDown();
            if (wakes.size() == 1) {
                awaitQuietly(busyEnds);
            }
        });
        vertx.setTimer(TimeUnit.NANOSECONDS.toMillis(PERIOD * 61 / 4), id -> busyEnds.countDown());
        timer.start(System.nanoTime(), PERIOD);
        assertThat(sixWakes.await(5, TimeUnit.SECONDS)).isTrue();
        timer.cancel();

        // The instants that passed while the first was busy left one wake-up, which runs as it returns; one per
        // instant would run back to back after it, 15 or so.
        assertThat(wakes).hasSizeBetween(3, 8);
        for (int k = 2; k < wakes.size(); k++) {
            assertThat(wakes.get(k) - wakes.get(k - 1)).as("wake-up %d after the one left queued", k - 1)
                    .isGreaterThan(PERIOD / 2);
        }
    }

    @Test
    void aCancelledTimerWakesNobody(Vertx vertx, VertxTestContext test) throws Exception {
        Context room = workerContext(vertx);
        List<Long> wakes = new CopyOnWriteArrayList<>();
        CountDownLatch firstWake = new CountDownLatch(1);
        StepTimer timer = new StepTimer((ContextInternal) room, () -> {
            wakes.add(System.nanoTime());
            firstWake.countDown();
        });
        timer.start(System.nanoTime() + PERIOD, PERIOD);
        assertThat(firstWake.await(5, TimeUnit.SECONDS)).isTrue();
        timer.cancel();
        timer.cancel(); // idempotent, as each way a room ends calls it
        long periodMillis = TimeUnit.NANOSECONDS.toMillis(PERIOD);
        // A wake-up queued before the cancel may still land within a period; none after that, five periods on.
        vertx.setTimer(periodMillis, settled -> {
            int atCancel = wakes.size();
            vertx.setTimer(5 * periodMillis, later -> test.verify(() -> {
                assertThat(atCancel).isGreaterThanOrEqualTo(1);
                assertThat(wakes).hasSize(atCancel);
                test.completeNow();
            }));
        });
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
