package dev.arena.server.ops;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Waits for something only observable from outside (a Prometheus query, a
 * metric another thread records): asks every {@link #EVERY} until the answer
 * is there, and fails with the last answer at the deadline. The test thread
 * blocks on the outcome, never on a fixed delay.
 */
final class Poll {
    static final Duration EVERY = Duration.ofMillis(100);

    private Poll() {
    }

    /**
     * @param attempt returns the awaited value, or null when it is not there yet; an exception also means "not yet"
     * @return the first non-null answer
     */
    static <T> T until(Duration deadline, String what, Callable<T> attempt) throws Exception {
        CompletableFuture<T> done = new CompletableFuture<>();
        AtomicReference<Object> last = new AtomicReference<>("no answer yet");
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "poll");
            t.setDaemon(true);
            return t;
        });
        try {
            poller.scheduleWithFixedDelay(() -> {
                try {
                    T value = attempt.call();
                    if (value != null) {
                        done.complete(value);
                    }
                } catch (Exception e) {
                    last.set(e);
                }
            }, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
            return done.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(what + " did not happen within " + deadline + "; last: " + last.get());
        } finally {
            poller.shutdownNow();
        }
    }
}
