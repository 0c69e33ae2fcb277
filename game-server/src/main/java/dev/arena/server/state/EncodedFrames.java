package dev.arena.server.state;

import java.util.Arrays;

/**
 * One send tick's encoded frames by baseline tick ({@link #NONE}: full
 * snapshot): the encode-once cache. A handful of entries at most (the
 * up-to-date clients' baseline, a few laggards' older ones), so a linear
 * scan of ticks beats a map and allocates nothing. It holds the one reference to each
 * distinct frame, released when the next send tick clears it (a frame may
 * sit under two baselines: it is released once).
 */
final class EncodedFrames {
    /** The key of the snapshot: no baseline. */
    static final int NONE = -1;

    private int[] baselines = new int[8];
    private WireFrame[] frames = new WireFrame[8];
    private int size;

    void clear() {
        for (int i = 0; i < size; i++) {
            if (frames[i] != null && !heldEarlier(i)) {
                frames[i].release();
            }
        }
        // Dropped, not just forgotten: a cleared entry must not keep an old frame alive.
        Arrays.fill(frames, 0, size, null);
        size = 0;
    }

    /** Whether the frame of entry {@code i} is also the frame of an earlier entry. */
    private boolean heldEarlier(int i) {
        for (int j = 0; j < i; j++) {
            if (frames[j] == frames[i]) {
                return true;
            }
        }
        return false;
    }

    /** The frame encoded this send tick from the state of tick {@code baseline}, or null. */
    WireFrame get(int baseline) {
        for (int i = 0; i < size; i++) {
            if (baselines[i] == baseline) {
                return frames[i];
            }
        }
        return null;
    }

    void put(int baseline, WireFrame frame) {
        if (size == baselines.length) {
            baselines = Arrays.copyOf(baselines, size * 2);
            frames = Arrays.copyOf(frames, size * 2);
        }
        baselines[size] = baseline;
        frames[size++] = frame;
    }
}
