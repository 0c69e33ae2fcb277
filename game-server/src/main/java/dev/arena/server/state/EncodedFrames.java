package dev.arena.server.state;

import io.vertx.core.buffer.Buffer;

import java.util.Arrays;

/**
 * One send tick's encoded frames by baseline (null: full snapshot): the
 * encode-once cache. A handful of entries at most (the up-to-date clients'
 * baseline, a few laggards' older ones), so a linear scan of identities
 * beats a map and allocates nothing.
 */
final class EncodedFrames {
    private WorldState[] baselines = new WorldState[8];
    private Buffer[] frames = new Buffer[8];
    private int size;

    void clear() {
        // Dropped, not just forgotten: a cleared entry must not keep an old state or frame alive.
        Arrays.fill(baselines, 0, size, null);
        Arrays.fill(frames, 0, size, null);
        size = 0;
    }

    /** The frame encoded this send tick from {@code baseline}, or null. */
    Buffer get(WorldState baseline) {
        for (int i = 0; i < size; i++) {
            if (baselines[i] == baseline) {
                return frames[i];
            }
        }
        return null;
    }

    void put(WorldState baseline, Buffer frame) {
        if (size == baselines.length) {
            baselines = Arrays.copyOf(baselines, size * 2);
            frames = Arrays.copyOf(frames, size * 2);
        }
        baselines[size] = baseline;
        frames[size++] = frame;
    }
}
