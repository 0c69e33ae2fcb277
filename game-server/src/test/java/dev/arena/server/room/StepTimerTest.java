package dev.arena.server.room;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
        StepTimer timer = new StepTimer((ContextInternal) room, () -> {
            wakes.add(System.nanoTime());
            onRoomContext.add(Vertx.currentContext() == room && Context.isOnWorkerThread());
        });
        long first = System.nanoTime() + PERIOD;
        timer.start(first, PERIOD);
        Thread.sleep(PERIOD * 10 / 1_000_000 + 5);
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
        StepTimer timer = new StepTimer((ContextInternal) room, () -> {
            wakes.add(System.nanoTime());
            if (wakes.size() == 1) {
                sleep(PERIOD * 15); // a step that takes 15 periods, like a slow or stuck game
            }
        });
        timer.start(System.nanoTime(), PERIOD);
        Thread.sleep(PERIOD * 20 / 1_000_000);
        timer.cancel();

        // 20 periods: one busy for 15 of them, then about 5 more. The instants that passed while it was busy left
        // one wake-up, which runs as it returns; one per instant would run back to back after it, 15 or so.
        assertThat(wakes).hasSizeBetween(3, 8);
        for (int k = 2; k < wakes.size(); k++) {
            assertThat(wakes.get(k) - wakes.get(k - 1)).as("wake-up %d after the one left queued", k - 1)
                    .isGreaterThan(PERIOD / 2);
        }
    }

    @Test
    void aCancelledTimerWakesNobody(Vertx vertx) throws Exception {
        Context room = workerContext(vertx);
        List<Long> wakes = new CopyOnWriteArrayList<>();
        StepTimer timer = new StepTimer((ContextInternal) room, () -> wakes.add(System.nanoTime()));
        timer.start(System.nanoTime() + PERIOD, PERIOD);
        Thread.sleep(PERIOD * 3 / 1_000_000);
        timer.cancel();
        timer.cancel(); // idempotent, as each way a room ends calls it
        Thread.sleep(PERIOD / 1_000_000); // a wake-up queued before the cancel may still land
        int atCancel = wakes.size();
        Thread.sleep(PERIOD * 5 / 1_000_000);

        assertThat(atCancel).isGreaterThanOrEqualTo(1);
        assertThat(wakes).hasSize(atCancel);
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
