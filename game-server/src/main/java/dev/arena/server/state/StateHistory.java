package dev.arena.server.state;

/**
 * The room's recent states, the baselines its clients may hold. A ring of
 * fixed size (config {@code room.snapshotHistory}): a client whose baseline
 * has dropped out gets a full snapshot instead of a delta.
 */
final class StateHistory {
    private final WorldState[] ring;
    /** The ticks of {@link #ring}, so a lookup scans ints instead of dereferencing states. */
    private final int[] ticks;
    private int newest = -1;

    StateHistory(int size) {
        ring = new WorldState[size];
        ticks = new int[size];
        java.util.Arrays.fill(ticks, -1);
    }

    int size() {
        return ring.length;
    }

    /** Adds the newest state; returns the oldest one, which this pushed out of the ring, or null. */
    WorldState add(WorldState state) {
        newest = (newest + 1) % ring.length;
        WorldState evicted = ring[newest];
        ring[newest] = state;
        ticks[newest] = state.tick;
        return evicted;
    }

    /** The state of {@code tick}, or null when it is older than the ring holds (or was never sent). */
    WorldState find(int tick) {
        // Newest first: a client's baseline is almost always one of the last few states.
        for (int i = 0, j = newest; i < ticks.length && j >= 0; i++, j = j == 0 ? ticks.length - 1 : j - 1) {
            if (ticks[j] == tick) {
                return ring[j];
            }
        }
        return null;
    }

    WorldState newest() {
        return newest < 0 ? null : ring[newest];
    }
}
