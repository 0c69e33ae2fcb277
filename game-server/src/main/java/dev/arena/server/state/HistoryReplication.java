package dev.arena.server.state;

import dev.arena.server.metrics.GameMetrics;

/**
 * What every {@link Replication} does the same way: capture the live state
 * into the history once per send tick, refuse misuse, hand out replicas and
 * resume them. Subclasses decide what a client's frame holds.
 */
abstract class HistoryReplication implements Replication {
    final StateHistory history;
    final GameMetrics metrics;
    private final EntityStore world;
    private WorldState current;
    /**
     * The state that left the history at the last capture, whose field array the
     * next capture reuses. Not the one leaving at this capture: with a
     * history of one that is still the {@code previous} of
     * {@link #captured}. A replica whose baseline it was finds it gone from
     * the history ({@code history.find}) and gets a snapshot, so nothing
     * reads it again.
     */
    private WorldState spare;

    HistoryReplication(EntityStore world, int historySize, GameMetrics metrics) {
        if (historySize < 1) {
            throw new IllegalArgumentException("historySize must be at least 1, got " + historySize);
        }
        this.world = world;
        this.history = new StateHistory(historySize);
        this.metrics = metrics;
    }

    /** A new send tick: {@code current} was captured; {@code previous} is the capture before it, or null. */
    abstract void captured(WorldState previous, WorldState current);

    /** The frame from the replica's baseline to {@code current}; the caller then records it as sent. */
    abstract WireFrame frameFor(Replica replica, WorldState current);

    @Override
    public final Replica newReplica(int viewer) {
        return new Replica(history.size(), viewer);
    }

    @Override
    public final void capture(int tick) {
        if (current != null && tick <= current.tick) {
            throw new IllegalArgumentException("capture(" + tick + ") after tick " + current.tick + ": ticks must increase");
        }
        WorldState previous = current;
        current = world.capture(tick, spare);
        spare = history.add(current);
        captured(previous, current);
    }

    @Override
    public final WireFrame nextFrame(Replica replica) {
        if (current == null) {
            throw new IllegalStateException("nextFrame before the first capture");
        }
        if (replica.baselineTick == current.tick) {
            throw new IllegalStateException("nextFrame asked twice for tick " + current.tick);
        }
        return frameFor(replica, current);
    }

    @Override
    public final boolean resume(Replica replica, int clientTick) {
        return replica.resumeFrom(replica.wasSent(clientTick) ? history.find(clientTick) : null);
    }

    @Override
    public final WorldState current() {
        return current;
    }
}
