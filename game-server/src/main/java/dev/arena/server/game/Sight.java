package dev.arena.server.game;

import java.util.function.IntPredicate;

/**
 * What a {@link Visibility} rule fills in for one client at one send tick:
 * the entities the client sees. The server hands the rule a fresh one per
 * client (it is reused, so do not keep it) and reads the state about to be
 * sent through it. Calls add to the view; there is no way to take back, and
 * asking for an entity twice is harmless.
 */
public interface Sight {
    /** The client sees every entity of the room. */
    void everything();

    /**
     * The client sees every entity placed on the rule's grid whose position
     * is within {@code radius} of {@code (x, y)} (inclusive, Euclidean), in
     * position units.
     *
     * @throws IllegalStateException when the rule has no {@link Visibility#grid()}
     */
    void within(int x, int y, int radius);

    /**
     * Like {@link #within(int, int, int)}, keeping only the entities that
     * {@code keep} accepts (by id): hidden or stealthy ones, a line of sight.
     * Called once per candidate, so keep it cheap and allocation-free.
     */
    void within(int x, int y, int radius, IntPredicate keep);

    /** The client sees this entity wherever it is (a team mate). An id that does not exist adds nothing. */
    void entity(int id);

    /** Whether the entity exists in the state about to be sent. */
    boolean exists(int id);

    /**
     * A field of an entity in the state about to be sent (the viewer's
     * position, say): the same value the client will be sent.
     *
     * @throws IllegalArgumentException when the entity does not exist or has no such field
     */
    int field(int id, int field);
}
