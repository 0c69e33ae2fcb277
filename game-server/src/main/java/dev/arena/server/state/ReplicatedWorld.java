package dev.arena.server.state;

import dev.arena.server.protocol.Delta;
import dev.arena.server.protocol.EntityChange;
import dev.arena.server.protocol.EntityRecord;
import dev.arena.server.protocol.ServerMessage;
import dev.arena.server.protocol.Snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * A client's copy of a room's state (its view of it, when the room has
 * views), rebuilt from SNAPSHOT and DELTA messages exactly as PROTOCOL.md
 * says: an id removed may come back later as a spawn (it left the view and
 * entered it again). Bots and tests use it; the browser client has its own
 * in JavaScript.
 */
public final class ReplicatedWorld {
    // Sorted by id: SNAPSHOT, DELTA and every list in them are in ascending id order, so applying an
    // update is a merge walk, with no per-entity map lookups or boxed keys (a bot applies 20 a second).
    private int[] ids = new int[64];
    private EntityRecord[] records = new EntityRecord[64];
    private int size;
    private int tick = -1;

    /**
     * Applies the message if it is a state update (SNAPSHOT or DELTA).
     *
     * @return whether it was one
     */
    public boolean applyIfUpdate(ServerMessage message) {
        if (message instanceof Snapshot s) {
            apply(s);
            return true;
        }
        if (message instanceof Delta d) {
            apply(d);
            return true;
        }
        return false;
    }

    /** Replaces the whole state. */
    public void apply(Snapshot snapshot) {
        List<EntityRecord> list = snapshot.entities();
        ensureCapacity(list.size());
        java.util.Arrays.fill(records, 0, size, null);
        size = 0;
        for (EntityRecord e : list) {
            if (size > 0 && e.id() <= ids[size - 1]) {
                // Out of order (PROTOCOL.md says ascending): fall back to a sorted insert.
                insert(copy(e));
            } else {
                ids[size] = e.id();
                records[size++] = copy(e);
            }
        }
        tick = snapshot.tick();
    }

    /**
     * Applies a delta against the state held.
     *
     * @throws IllegalStateException when the delta's baseline is not the state held (a server bug)
     */
    public void apply(Delta delta) {
        if (delta.baselineTick() != tick) {
            throw new IllegalStateException("delta for baseline " + delta.baselineTick() + " but the client holds " + tick);
        }
        int[] removed = delta.removed();
        if (removed.length > 0) {
            remove(removed);
        }
        for (EntityRecord e : delta.spawns()) {
            if (get(e.id()) != null) {
                // An entity the client holds cannot be new to it (nor enter its view twice): a server bug.
                throw new IllegalStateException("delta spawns entity " + e.id() + ", which the client holds");
            }
            insert(copy(e));
        }
        int i = 0;
        int previous = Integer.MIN_VALUE;
        for (EntityChange c : delta.changed()) {
            int id = c.id();
            if (id <= previous) {
                i = 0;
            }
            previous = id;
            while (i < size && ids[i] < id) {
                i++;
            }
            if (i == size || ids[i] != id) {
                throw new IllegalStateException("delta changes unknown entity " + id);
            }
            int[] fields = records[i].fields();
            int[] diffs = c.diffs();
            int d = 0;
            for (int rest = c.mask(); rest != 0; rest &= rest - 1) {
                fields[Integer.numberOfTrailingZeros(rest)] += diffs[d++];
            }
        }
        tick = delta.tick();
    }

    private void remove(int[] removed) {
        for (int id : removed) {
            int i = java.util.Arrays.binarySearch(ids, 0, size, id);
            if (i < 0 || records[i] == null) {
                throw new IllegalStateException("delta removes unknown entity " + id);
            }
            records[i] = null;
        }
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (records[i] != null) {
                ids[kept] = ids[i];
                records[kept++] = records[i];
            }
        }
        java.util.Arrays.fill(records, kept, size, null);
        size = kept;
    }

    /** Puts an entity at its place by id, replacing one with the same id. */
    private void insert(EntityRecord e) {
        int at = java.util.Arrays.binarySearch(ids, 0, size, e.id());
        if (at >= 0) {
            records[at] = e;
            return;
        }
        at = -at - 1;
        ensureCapacity(size + 1);
        System.arraycopy(ids, at, ids, at + 1, size - at);
        System.arraycopy(records, at, records, at + 1, size - at);
        ids[at] = e.id();
        records[at] = e;
        size++;
    }

    private void ensureCapacity(int n) {
        if (n > ids.length) {
            int capacity = Math.max(n, ids.length * 2);
            ids = java.util.Arrays.copyOf(ids, capacity);
            records = java.util.Arrays.copyOf(records, capacity);
        }
    }

    public int tick() {
        return tick;
    }

    /** The entity, or null; its fields array is live, do not change it. */
    public EntityRecord get(int id) {
        int i = java.util.Arrays.binarySearch(ids, 0, size, id);
        return i < 0 ? null : records[i];
    }

    public int size() {
        return size;
    }

    /** Every entity, ascending id order, as copies. */
    public List<EntityRecord> entities() {
        List<EntityRecord> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(copy(records[i]));
        }
        return out;
    }

    /** The entities of a server-side state, for comparison with {@link #entities()}. */
    public static List<EntityRecord> recordsOf(WorldState state) {
        List<EntityRecord> out = new ArrayList<>(state.count);
        for (int i = 0; i < state.count; i++) {
            int[] fields = new int[state.fieldCountAt(i)];
            System.arraycopy(state.fields, state.fieldStart[i], fields, 0, fields.length);
            out.add(new EntityRecord(state.ids[i], state.kinds[i], state.labels[i], fields));
        }
        return out;
    }

    private static EntityRecord copy(EntityRecord e) {
        return new EntityRecord(e.id(), e.kind(), e.label(), e.fields().clone());
    }
}
