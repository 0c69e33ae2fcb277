package dev.arena.server.game;

/**
 * The replicated state of one room, as a game sees it: entities with a kind,
 * a label and a fixed number of integer fields. Whatever a game writes here
 * reaches every player of the room as snapshots and deltas; nothing else does.
 *
 * <p>Fields are integers so that deltas are exact: quantize positions (for
 * example to a quarter unit) before writing them. Ids are assigned by the
 * world, start at 1 and are never reused. Only the room's thread calls it.
 */
public interface World {
    /**
     * Creates an entity with all fields zero.
     *
     * @param kind       game-defined kind, at least 0
     * @param label      display label (a player's name), or null
     * @param fieldCount number of integer fields, 0 to 32
     * @return the new entity's id
     */
    int spawn(int kind, String label, int fieldCount);

    /** Removes an entity; clients see it in the next update's removals. */
    void despawn(int id);

    /** Sets one field of a live entity. */
    void set(int id, int field, int value);

    /** Reads one field of a live entity. */
    int get(int id, int field);

    /** Whether the entity exists. */
    boolean exists(int id);

    /** Number of live entities. */
    int size();
}
