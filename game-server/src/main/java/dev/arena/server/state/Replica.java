package dev.arena.server.state;

/**
 * One client's replication state: its baseline (the last state written to
 * its socket) and the ticks it was sent recently. It belongs to the seat,
 * not to the socket, so it outlives a dropped connection: a client that
 * comes back says which tick it holds and {@link Replication#resume} picks
 * that baseline again. A spectator has one too; it needs no entity.
 *
 * <p>Only its {@link Replication} changes it, on the room's thread.
 */
public final class Replica {
    /** The state this client holds, or null: its next frame is a SNAPSHOT. */
    WorldState baseline;
    /**
     * Ticks written to this client, a ring as long as the room's history: a
     * claim to hold a tick is only believed for a tick that was sent here,
     * and every sent tick still in the history fits in it.
     */
    private final int[] sentTicks;
    private int newestSent = -1;

    Replica(int historySize) {
        sentTicks = new int[historySize];
        java.util.Arrays.fill(sentTicks, -1);
    }

    /** The tick of the baseline, or -1 when the next frame will be a SNAPSHOT. */
    public int baselineTick() {
        return baseline == null ? -1 : baseline.tick;
    }

    /** The frame bringing this client to {@code state} was written to its socket. */
    void sent(WorldState state) {
        baseline = state;
        newestSent = (newestSent + 1) % sentTicks.length;
        sentTicks[newestSent] = state.tick;
    }

    /** Whether {@code tick} is one of the last ticks written to this client. */
    boolean wasSent(int tick) {
        if (tick < 0) {
            return false;
        }
        for (int t : sentTicks) {
            if (t == tick) {
                return true;
            }
        }
        return false;
    }
}
