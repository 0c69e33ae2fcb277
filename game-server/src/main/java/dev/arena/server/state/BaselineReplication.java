package dev.arena.server.state;

import dev.arena.server.metrics.GameMetrics;

/**
 * {@link Replication} of the whole room to every client (the rule
 * {@code Visibility.everything()}): each client's frame is the difference
 * between its baseline and the captured state, shared by every client of
 * the same baseline ({@link SharedFrames}).
 */
public final class BaselineReplication extends HistoryReplication {
    private final SharedFrames frames;

    /**
     * @param world       the room's live state, which the game writes
     * @param historySize states kept as baselines (config {@code room.snapshotHistory})
     * @param metrics     told the size of every encoded frame
     */
    public BaselineReplication(EntityStore world, int historySize, GameMetrics metrics) {
        super(world, historySize, metrics);
        this.frames = new SharedFrames(history, metrics);
    }

    @Override
    void captured(WorldState previous, WorldState current) {
        frames.start(current);
    }

    @Override
    WireFrame frameFor(Replica replica, WorldState current) {
        WireFrame frame = frames.frameFrom(replica.baselineTick);
        // No per-client metric here: every up-to-date client gets the same frame, counted once by snapshotEncoded.
        replica.sent(current, null);
        return frame;
    }

    @Override
    public void close() {
        frames.close();
    }
}
