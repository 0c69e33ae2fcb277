package dev.arena.server.state;

import com.esotericsoftware.kryo.io.Output;

/**
 * One send tick's changes against the tick before, encoded once and shared
 * by every up-to-date client whose view holds the entity: per entity its
 * change mask and the bytes of its diffs, the part of a DELTA change entry
 * that does not depend on the client (its header holds the id gap from the
 * previous entry of that client's frame, so each frame writes its own).
 *
 * <p>Encoded lazily, the first time a frame needs an entity, so entities
 * in no one's view cost nothing; {@link #cellsEncoded} counts the grid cells
 * that had at least one entity encoded. Not thread-safe; one per room.
 */
final class ChangeEntries {
    private final Output pool = new Output(4096, -1);
    private WorldState from;
    private WorldState to;
    private SpatialGrid grid;
    /** Per entity index in {@link #to}: its index in {@link #from}, or -1 when it is new. */
    private int[] fromIndex = new int[64];
    private int[] mask = new int[64];
    private int[] start = new int[64];
    private int[] length = new int[64];
    private int[] entityStamp = new int[64];
    private int[] cellStamp = new int[64];
    private int stamp;
    private int cellsEncoded;

    /**
     * Starts a send tick: changes from {@code from} (the previous capture,
     * or null) to {@code to}, whose entities {@code grid} has just placed.
     */
    void reset(WorldState from, WorldState to, SpatialGrid grid) {
        this.from = from;
        this.to = to;
        this.grid = grid;
        pool.reset();
        cellsEncoded = 0;
        stamp++;
        int n = to.count;
        if (fromIndex.length < n) {
            int c = Math.max(n, fromIndex.length * 2);
            fromIndex = new int[c];
            mask = new int[c];
            start = new int[c];
            length = new int[c];
            entityStamp = new int[c];
        }
        if (cellStamp.length < grid.cells) {
            cellStamp = new int[Math.max(grid.cells, cellStamp.length * 2)];
        }
        if (from == null) {
            return;
        }
        // Both states are in ascending id order: one merge walk maps every entity.
        int f = 0;
        for (int t = 0; t < n; t++) {
            int id = to.ids[t];
            while (f < from.count && from.ids[f] < id) {
                f++;
            }
            fromIndex[t] = f < from.count && from.ids[f] == id ? f : -1;
        }
    }

    /** Whether these are the changes from {@code base}: the baseline of every up-to-date client. */
    boolean from(WorldState base) {
        return base != null && base == from;
    }

    /** The change mask of entity {@code t} of the target state (0: unchanged); encodes it on first use. */
    int mask(int t) {
        if (entityStamp[t] != stamp) {
            encode(t);
        }
        return mask[t];
    }

    /** Writes the diffs of entity {@code t}, after its header; {@link #mask} first. */
    void copyDiffs(Output out, int t) {
        out.writeBytes(pool.getBuffer(), start[t], length[t]);
    }

    /** Grid cells with at least one entity encoded since {@link #reset}. */
    int cellsEncoded() {
        return cellsEncoded;
    }

    private void encode(int t) {
        entityStamp[t] = stamp;
        int cell = grid.cellOf[t];
        if (cell >= 0 && cellStamp[cell] != stamp) {
            cellStamp[cell] = stamp;
            cellsEncoded++;
        }
        int f = fromIndex[t];
        if (f < 0) {
            // New since the previous tick, so in no view of it: never asked for as a change.
            throw new IllegalStateException("entity " + to.ids[t] + " is new at tick " + to.tick + ": it has no change");
        }
        int m = SnapshotEncoder.changeMask(from, f, to, t);
        mask[t] = m;
        start[t] = pool.position();
        SnapshotEncoder.writeDiffs(pool, from, f, to, t, m);
        length[t] = pool.position() - start[t];
    }
}
