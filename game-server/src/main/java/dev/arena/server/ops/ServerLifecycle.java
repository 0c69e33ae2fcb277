package dev.arena.server.ops;

import io.vertx.core.Future;

/**
 * Where the server is in its life: starting, running or shutting down. Only
 * a running server is ready: a starting one may not listen for players yet,
 * and a stopping one must stop receiving them before it closes their
 * connections. Thread-safe: {@code GameServer} moves it on, any thread reads.
 */
public final class ServerLifecycle implements ReadinessCheck {
    private enum Phase { STARTING, RUNNING, STOPPING }

    private volatile Phase phase = Phase.STARTING;

    /** Every part of the server is deployed and listening. */
    public void running() {
        if (phase == Phase.STARTING) {
            phase = Phase.RUNNING;
        }
    }

    /** Shutdown has begun; there is no way back. */
    public void stopping() {
        phase = Phase.STOPPING;
    }

    public boolean isStopping() {
        return phase == Phase.STOPPING;
    }

    @Override
    public String name() {
        return "lifecycle";
    }

    @Override
    public Future<CheckResult> check() {
        return Future.succeededFuture(switch (phase) {
            case STARTING -> CheckResult.failed("starting");
            case RUNNING -> CheckResult.passed("running");
            case STOPPING -> CheckResult.failed("shutting down");
        });
    }
}
