package dev.arena.server.state;

import com.esotericsoftware.kryo.io.Output;
import dev.arena.server.metrics.GameMetrics;
import dev.arena.server.protocol.FrameCodec;
import io.vertx.core.buffer.Buffer;

/**
 * {@link Replication} of the whole room to every client: each client's frame
 * is the difference between its baseline and the captured state, written by
 * the one SNAPSHOT/DELTA writer, {@link SnapshotEncoder}.
 */
public final class BaselineReplication implements Replication {
    private final EntityStore world;
    private final StateHistory history;
    private final GameMetrics metrics;
    private final SnapshotEncoder encoder = new SnapshotEncoder();
    private final Output output = new Output(4096, FrameCodec.MAX_ENCODED_BYTES);
    private final EncodedFrames frames = new EncodedFrames();
    private WorldState current;

    /**
     * @param world       the room's live state, which the game writes
     * @param historySize states kept as baselines (config {@code room.snapshotHistory})
     * @param metrics     told the size of every encoded frame
     */
    public BaselineReplication(EntityStore world, int historySize, GameMetrics metrics) {
        if (historySize < 1) {
            throw new IllegalArgumentException("historySize must be at least 1, got " + historySize);
        }
        this.world = world;
        this.history = new StateHistory(historySize);
        this.metrics = metrics;
    }

    @Override
    public Replica newReplica() {
        return new Replica(history.size());
    }

    @Override
    public void capture(int tick) {
        if (current != null && tick <= current.tick) {
            throw new IllegalArgumentException("capture(" + tick + ") after tick " + current.tick + ": ticks must increase");
        }
        current = world.capture(tick);
        history.add(current);
        frames.clear();
    }

    @Override
    public Buffer nextFrame(Replica replica) {
        if (current == null) {
            throw new IllegalStateException("nextFrame before the first capture");
        }
        if (replica.baseline == current) {
            throw new IllegalStateException("nextFrame asked twice for tick " + current.tick);
        }
        Buffer frame = frameFrom(replica.baseline);
        replica.sent(current);
        return frame;
    }

    /**
     * Up-to-date clients share a baseline, so the cache is asked before the
     * history: one history lookup and one encoding per distinct baseline per
     * send tick, not per client.
     */
    private Buffer frameFrom(WorldState baseline) {
        Buffer frame = frames.get(baseline);
        if (frame != null) {
            return frame;
        }
        // A baseline that has left the history gets a snapshot, shared with every other such client.
        WorldState usable = baseline != null && history.find(baseline.tick) == baseline ? baseline : null;
        frame = usable == baseline ? null : frames.get(null);
        if (frame == null) {
            output.reset();
            if (usable == null) {
                encoder.writeSnapshot(output, current);
            } else {
                encoder.writeDelta(output, usable, current);
            }
            frame = Buffer.buffer(output.toBytes());
            metrics.snapshotEncoded(usable == null, frame.length());
            frames.put(usable, frame);
        }
        if (usable != baseline) {
            frames.put(baseline, frame);
        }
        return frame;
    }

    @Override
    public boolean resume(Replica replica, int clientTick) {
        WorldState held = replica.wasSent(clientTick) ? history.find(clientTick) : null;
        replica.baseline = held;
        return held != null;
    }

    @Override
    public WorldState current() {
        return current;
    }
}
