package dev.arena.server.ops;

import io.vertx.core.Future;

/**
 * One condition {@code GET /ready} requires. Called on the management
 * server's event loop for every request, so it must not block: it answers
 * with a future that completes within a bounded time of its own (a check
 * that waits for something sets its own deadline). A failed future counts as
 * a failed check.
 */
public interface ReadinessCheck {
    /** The check's key in the {@code /ready} JSON body: short, camelCase, stable. */
    String name();

    /** Evaluates the check now. */
    Future<CheckResult> check();
}
