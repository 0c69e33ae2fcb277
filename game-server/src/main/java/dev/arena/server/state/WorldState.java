package dev.arena.server.state;

/**
 * The replicated state of a room at one tick, frozen: entities in ascending
 * id order, their fields packed in one array. The room keeps recent ones as
 * baselines; they are never changed while the room's history holds them.
 * Consecutive states with the same entities share their id, kind, label
 * and offset arrays; once a state has left the history its field array is
 * reused by a later capture ({@link EntityStore#capture(int, WorldState)}),
 * so its entities are read only through the history: a baseline is looked
 * up there before use.
 */
public final class WorldState {
    final int tick;
    final int count;
    final int[] ids;
    final int[] kinds;
    final String[] labels;
    /** Entity i's fields are {@code fields[fieldStart[i] .. fieldStart[i + 1])}. */
    final int[] fieldStart;
    final int[] fields;

    WorldState(int tick, int count, int[] ids, int[] kinds, String[] labels, int[] fieldStart, int[] fields) {
        this.tick = tick;
        this.count = count;
        this.ids = ids;
        this.kinds = kinds;
        this.labels = labels;
        this.fieldStart = fieldStart;
        this.fields = fields;
    }

    public int tick() {
        return tick;
    }

    public int entityCount() {
        return count;
    }

    /** Position of the entity in this state, or a negative number when absent. */
    public int indexOf(int id) {
        return java.util.Arrays.binarySearch(ids, 0, count, id);
    }

    public int idAt(int index) {
        return ids[index];
    }

    public int kindAt(int index) {
        return kinds[index];
    }

    public String labelAt(int index) {
        return labels[index];
    }

    public int fieldCountAt(int index) {
        return fieldStart[index + 1] - fieldStart[index];
    }

    public int fieldAt(int index, int field) {
        return fields[fieldStart[index] + field];
    }
}
