package dev.arena.server.state;

import com.esotericsoftware.kryo.io.Output;
import dev.arena.server.metrics.GameMetrics;
import dev.arena.server.protocol.FrameCodec;
import io.vertx.core.buffer.Buffer;

/**
 * The frames of one send tick for clients that see the whole room, by
 * baseline: one encoding per distinct baseline, shared by every client that
 * holds it (DESIGN.md, "encode once, send the same bytes"). A baseline that
 * has left the history gets the snapshot, shared with every other such
 * client and with new ones. Not thread-safe; one per room.
 */
final class SharedFrames {
    private final StateHistory history;
    private final GameMetrics metrics;
    private final SnapshotEncoder encoder = new SnapshotEncoder();
    private final Output output = new Output(4096, FrameCodec.MAX_ENCODED_BYTES);
    private final EncodedFrames frames = new EncodedFrames();
    private WorldState current;

    SharedFrames(StateHistory history, GameMetrics metrics) {
        this.history = history;
        this.metrics = metrics;
    }

    /** Starts a send tick whose frames bring clients to {@code current}. */
    void start(WorldState current) {
        this.current = current;
        frames.clear();
    }

    /**
     * The frame from {@code baseline} (null: none) to the current state. Up-
     * to-date clients share a baseline, so the cache is asked before the
     * history: one history lookup and one encoding per distinct baseline per
     * send tick, not per client.
     */
    Buffer frameFrom(WorldState baseline) {
        Buffer frame = frames.get(baseline);
        if (frame != null) {
            return frame;
        }
        WorldState usable = usable(baseline);
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

    /** The baseline if the history still holds it, else null: a client that holds it gets a snapshot. */
    WorldState usable(WorldState baseline) {
        return baseline != null && history.find(baseline.tick) == baseline ? baseline : null;
    }
}
