package dev.arena.server.state;

import dev.arena.server.protocol.Delta;
import dev.arena.server.protocol.EntityChange;
import dev.arena.server.protocol.EntityRecord;
import dev.arena.server.protocol.ServerMessage;
import dev.arena.server.protocol.Snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A client's copy of a room's state, rebuilt from SNAPSHOT and DELTA
 * messages exactly as PROTOCOL.md says. Bots and tests use it; the browser
 * client has its own in JavaScript.
 */
public final class ReplicatedWorld {
    private final TreeMap<Integer, EntityRecord> entities = new TreeMap<>();
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
        entities.clear();
        for (EntityRecord e : snapshot.entities()) {
            entities.put(e.id(), copy(e));
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
        for (int id : delta.removed()) {
            if (entities.remove(id) == null) {
                throw new IllegalStateException("delta removes unknown entity " + id);
            }
        }
        for (EntityRecord e : delta.spawns()) {
            entities.put(e.id(), copy(e));
        }
        for (EntityChange c : delta.changed()) {
            EntityRecord e = entities.get(c.id());
            if (e == null) {
                throw new IllegalStateException("delta changes unknown entity " + c.id());
            }
            int d = 0;
            for (int rest = c.mask(); rest != 0; rest &= rest - 1) {
                e.fields()[Integer.numberOfTrailingZeros(rest)] += c.diffs()[d++];
            }
        }
        tick = delta.tick();
    }

    public int tick() {
        return tick;
    }

    /** The entity, or null; its fields array is live, do not change it. */
    public EntityRecord get(int id) {
        return entities.get(id);
    }

    public int size() {
        return entities.size();
    }

    /** Every entity, ascending id order, as copies. */
    public List<EntityRecord> entities() {
        List<EntityRecord> out = new ArrayList<>(entities.size());
        for (EntityRecord e : entities.values()) {
            out.add(copy(e));
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
