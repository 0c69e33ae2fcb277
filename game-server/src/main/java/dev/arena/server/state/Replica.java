package dev.arena.server.state;

import java.util.Arrays;

/**
 * One client's replication state: its baseline (the last state written to
 * its socket), the ticks it was sent recently and, when the room has views,
 * which entities each of those states showed it. It belongs to the seat,
 * not to the socket, so it outlives a dropped connection: a client that
 * comes back says which tick it holds and {@link Replication#resume} picks
 * that baseline, and that view, again. A spectator has one too; it needs
 * no entity.
 *
 * <p>Only its {@link Replication} changes it, on the room's thread.
 */
public final class Replica {
    /** Every entity: the view of a client that sees the whole room. */
    private static final int ALL = -1;

    /** The client's own entity, whose view it gets; 0 for none. */
    final int viewer;
    /**
     * The tick of the state this client holds, or -1: its next frame is a
     * SNAPSHOT. A tick, not the state: the room finds the state in its
     * history (gone from it, the client gets a snapshot), and a replica
     * pointed at a new state each send would be an old object given a
     * young one's address 20 times a second per client, work for G1's
     * write barrier and refinement threads.
     */
    int baselineTick = -1;
    /** The number of entities in that state. */
    private int baselineCount;
    /**
     * Ticks written to this client, a ring as long as the room's history: a
     * claim to hold a tick is only believed for a tick that was sent here,
     * and every sent tick still in the history fits in it.
     */
    private final int[] sentTicks;
    /** The view sent with each tick of {@link #sentTicks}: indices into that state, or {@link #ALL} in sizes. */
    private int[][] sentViews;
    private int[] sentViewSizes;
    private int newestSent = -1;
    /** The slot of {@link #baselineTick} in the rings, or -1. */
    private int baselineSlot = -1;

    Replica(int historySize, int viewer) {
        sentTicks = new int[historySize];
        Arrays.fill(sentTicks, -1);
        this.viewer = viewer;
    }

    /** The tick of the baseline, or -1 when the next frame will be a SNAPSHOT. */
    public int baselineTick() {
        return baselineTick;
    }

    /** The client's own entity, 0 for none. */
    public int viewer() {
        return viewer;
    }

    /**
     * The frame bringing this client to {@code state} was written to its
     * socket; {@code view} (copied) is what it showed, null for everything.
     */
    void sent(WorldState state, IntList view) {
        int slot = (newestSent + 1) % sentTicks.length;
        if (view != null && sentViews == null) {
            // Only rooms with views keep them: a whole-room replica stays a few ints.
            sentViews = new int[sentTicks.length][];
            sentViewSizes = new int[sentTicks.length];
        }
        if (sentViews != null) {
            if (view == null) {
                sentViewSizes[slot] = ALL;
            } else {
                int[] kept = sentViews[slot];
                if (kept == null || kept.length < view.size) {
                    kept = new int[Math.max(view.size, 16) + view.size / 2];
                    sentViews[slot] = kept;
                }
                System.arraycopy(view.items, 0, kept, 0, view.size);
                sentViewSizes[slot] = view.size;
            }
        }
        baselineTick = state.tick;
        baselineCount = state.count;
        newestSent = slot;
        sentTicks[slot] = state.tick;
        baselineSlot = slot;
    }

    /** The baseline's view as ascending indices into it, or null when it showed every entity. */
    int[] baselineView() {
        return sentViews == null || baselineSlot < 0 || sentViewSizes[baselineSlot] == ALL ? null : sentViews[baselineSlot];
    }

    /** The number of entities in the baseline's view. */
    int baselineViewSize() {
        int[] view = baselineView();
        return view == null ? (baselineTick < 0 ? 0 : baselineCount) : sentViewSizes[baselineSlot];
    }

    /** Whether {@code tick} is one of the last ticks written to this client. */
    boolean wasSent(int tick) {
        return slotOf(tick) >= 0;
    }

    /**
     * Takes {@code held}, a state sent to this client, as the baseline again
     * (with the view it was sent with); null drops the baseline.
     *
     * @return whether a baseline was taken
     */
    boolean resumeFrom(WorldState held) {
        baselineTick = held == null ? -1 : held.tick;
        baselineCount = held == null ? 0 : held.count;
        baselineSlot = held == null ? -1 : slotOf(held.tick);
        return held != null;
    }

    private int slotOf(int tick) {
        if (tick < 0) {
            return -1;
        }
        for (int i = 0; i < sentTicks.length; i++) {
            if (sentTicks[i] == tick) {
                return i;
            }
        }
        return -1;
    }
}
