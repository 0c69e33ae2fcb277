package dev.arena.server.protocol;

import java.util.Arrays;

/**
 * The changed fields of one entity in a DELTA.
 *
 * @param id    the entity
 * @param mask  bit i set when field i changed
 * @param diffs one per set bit, lowest bit first: new value minus baseline value (32-bit wrapping)
 */
public record EntityChange(int id, int mask, int[] diffs) {
    @Override
    public boolean equals(Object o) {
        return o instanceof EntityChange c && c.id == id && c.mask == mask && Arrays.equals(c.diffs, diffs);
    }

    @Override
    public int hashCode() {
        return 31 * id + mask;
    }

    @Override
    public String toString() {
        return "EntityChange[id=" + id + ", mask=" + mask + ", diffs=" + Arrays.toString(diffs) + "]";
    }
}
