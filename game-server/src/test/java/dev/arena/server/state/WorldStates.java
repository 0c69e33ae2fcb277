package dev.arena.server.state;

import dev.arena.server.protocol.EntityRecord;

import java.util.Comparator;
import java.util.List;

/**
 * Frozen states with chosen ids, kinds and labels, for tests that feed the
 * production writer exact inputs (the golden vectors): a live
 * {@link EntityStore} numbers its entities itself.
 */
public final class WorldStates {
    private WorldStates() {
    }

    /** The state of {@code tick} holding exactly these entities (any order; ids distinct). */
    public static WorldState of(int tick, List<EntityRecord> entities) {
        List<EntityRecord> sorted = entities.stream().sorted(Comparator.comparingInt(EntityRecord::id)).toList();
        int n = sorted.size();
        int[] ids = new int[n];
        int[] kinds = new int[n];
        String[] labels = new String[n];
        int[] fieldStart = new int[n + 1];
        for (int i = 0; i < n; i++) {
            EntityRecord e = sorted.get(i);
            if (i > 0 && e.id() == ids[i - 1]) {
                throw new IllegalArgumentException("entity " + e.id() + " twice");
            }
            ids[i] = e.id();
            kinds[i] = e.kind();
            labels[i] = e.label();
            fieldStart[i + 1] = fieldStart[i] + e.fields().length;
        }
        int[] fields = new int[fieldStart[n]];
        for (int i = 0; i < n; i++) {
            int[] f = sorted.get(i).fields();
            System.arraycopy(f, 0, fields, fieldStart[i], f.length);
        }
        return new WorldState(tick, n, ids, kinds, labels, fieldStart, fields);
    }
}
