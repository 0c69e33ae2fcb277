package dev.arena.server.state;

import com.esotericsoftware.kryo.io.Output;
import dev.arena.server.metrics.GameMetrics;
import dev.arena.server.protocol.FrameCodec;
import io.netty.buffer.ByteBufAllocator;

import java.util.ArrayList;
import java.util.List;

/**
 * The frames of one send tick for clients that see the whole room, by
 * baseline: one encoding per distinct baseline, shared by every client that
 * holds it (DESIGN.md, "encode once, send the same bytes"). A baseline that
 * has left the history gets the snapshot, shared with every other such
 * client and with new ones. Also the owner of a view's frames, made for one
 * client ({@link #single}).
 *
 * <p>Every frame is framed once ({@link WireFrame}) in a pooled buffer and
 * released when the next send tick starts, or at {@link #close}: a socket
 * that writes it later holds its own reference. Not thread-safe; one per room.
 */
final class SharedFrames {
    private final StateHistory history;
    private final GameMetrics metrics;
    /**
     * Netty's default allocator (the adaptive one in 4.2), whose views
     * ({@link WireFrame#retainedFrame}, one per socket per send) are new
     * objects. The pooled allocator recycles them, and measured worse with
     * G1: a recycled view is an old object that each send points at a new
     * frame, a card for G1's refinement threads per socket per send
     * (PERFORMANCE.md, "Less garbage per tick").
     */
    private final ByteBufAllocator allocator = ByteBufAllocator.DEFAULT;
    private final SnapshotEncoder encoder = new SnapshotEncoder();
    private final Output output = new Output(4096, FrameCodec.MAX_ENCODED_BYTES);
    private final EncodedFrames frames = new EncodedFrames();
    /** This send tick's frames for one client each. */
    private final List<WireFrame> singles = new ArrayList<>();
    private WorldState current;

    SharedFrames(StateHistory history, GameMetrics metrics) {
        this.history = history;
        this.metrics = metrics;
    }

    /** Starts a send tick whose frames bring clients to {@code current}; the last tick's frames are released. */
    void start(WorldState current) {
        this.current = current;
        releaseAll();
    }

    /**
     * The frame from the state of tick {@code baseline} ({@link EncodedFrames#NONE}: none) to the current state.
     * Up-to-date clients share a baseline, so the cache is asked before the history: one history lookup and one
     * encoding per distinct baseline per send tick, not per client.
     */
    WireFrame frameFrom(int baseline) {
        WireFrame frame = frames.get(baseline);
        if (frame != null) {
            return frame;
        }
        WorldState usable = usable(baseline);
        int from = usable == null ? EncodedFrames.NONE : baseline;
        frame = from == baseline ? null : frames.get(EncodedFrames.NONE);
        if (frame == null) {
            output.reset();
            if (usable == null) {
                encoder.writeSnapshot(output, current);
            } else {
                encoder.writeDelta(output, usable, current);
            }
            frame = WireFrame.pooled(allocator, output);
            metrics.snapshotEncoded(usable == null, frame.length());
            frames.put(from, frame);
        }
        if (from != baseline) {
            frames.put(baseline, frame);
        }
        return frame;
    }

    /** A frame of what was written to {@code payload}, for one client; released with the tick's others. */
    WireFrame single(Output payload) {
        WireFrame frame = WireFrame.pooled(allocator, payload);
        singles.add(frame);
        return frame;
    }

    /** The state of tick {@code baseline} if the history still holds it, else null: its client gets a snapshot. */
    WorldState usable(int baseline) {
        return baseline < 0 ? null : history.find(baseline);
    }

    /** Releases every frame of the last send tick: the room stops. */
    void close() {
        releaseAll();
    }

    private void releaseAll() {
        frames.clear();
        for (int i = 0; i < singles.size(); i++) {
            singles.get(i).release();
        }
        singles.clear();
    }
}
