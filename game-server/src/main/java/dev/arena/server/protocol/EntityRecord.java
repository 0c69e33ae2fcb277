package dev.arena.server.protocol;

import java.util.Arrays;

/**
 * One entity in full, as SNAPSHOT and the spawns of DELTA carry it.
 *
 * @param id     unique in the room, never reused, at least 1
 * @param kind   game-defined kind (arena: 1 player, 2 orb)
 * @param label  display label, or null
 * @param fields the entity's integer fields, absolute values
 */
public record EntityRecord(int id, int kind, String label, int[] fields) {
    @Override
    public boolean equals(Object o) {
        return o instanceof EntityRecord e && e.id == id && e.kind == kind
                && java.util.Objects.equals(e.label, label) && Arrays.equals(e.fields, fields);
    }

    @Override
    public int hashCode() {
        return 31 * id + Arrays.hashCode(fields);
    }

    @Override
    public String toString() {
        return "EntityRecord[id=" + id + ", kind=" + kind + ", label=" + label + ", fields=" + Arrays.toString(fields) + "]";
    }
}
