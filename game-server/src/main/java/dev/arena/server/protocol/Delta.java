package dev.arena.server.protocol;

import java.util.List;

/**
 * DELTA: the state at {@code tick} as changes against the client's state at
 * {@code baselineTick}.
 *
 * @param tick         tick of the new state
 * @param baselineTick tick of a state the client holds
 * @param removed      ids gone since the baseline, ascending
 * @param spawns       entities new since the baseline, ascending id order
 * @param changed      entities in both with changed fields, ascending id order
 */
public record Delta(int tick, int baselineTick, int[] removed, List<EntityRecord> spawns,
                    List<EntityChange> changed) implements ServerMessage {
    @Override
    public boolean equals(Object o) {
        return o instanceof Delta d && d.tick == tick && d.baselineTick == baselineTick
                && java.util.Arrays.equals(d.removed, removed) && d.spawns.equals(spawns) && d.changed.equals(changed);
    }

    @Override
    public int hashCode() {
        return 31 * tick + baselineTick;
    }

    @Override
    public String toString() {
        return "Delta[tick=" + tick + ", baselineTick=" + baselineTick + ", removed=" + java.util.Arrays.toString(removed)
                + ", spawns=" + spawns + ", changed=" + changed + "]";
    }
}
