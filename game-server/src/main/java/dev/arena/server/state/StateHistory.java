package dev.arena.server.state;

/**
 * The room's recent states, the baselines its clients may hold. A ring of
 * fixed size (config {@code room.snapshotHistory}): a client whose baseline
 * has dropped out gets a full snapshot instead of a delta.
 */
public final class StateHistory {
    private final WorldState[] ring;
    private int newest = -1;

    public StateHistory(int size) {
        ring = new WorldState[size];
    }

    public void add(WorldState state) {
        newest = (newest + 1) % ring.length;
        ring[newest] = state;
    }

    /** The state of {@code tick}, or null when it is older than the ring holds (or was never sent). */
    public WorldState find(int tick) {
        for (WorldState s : ring) {
            if (s != null && s.tick == tick) {
                return s;
            }
        }
        return null;
    }

    public WorldState newest() {
        return newest < 0 ? null : ring[newest];
    }
}
