package dev.arena.server.game;

/**
 * What each player of a room can see: the game's interest-management rule
 * (docs/GAMES.md, "Visibility"). A client is sent only the entities of its
 * view: an entity that enters the view arrives whole, one that leaves it is
 * removed for that client, and nothing about entities outside it reaches the
 * client. Every client always sees its own entity and the entities of the
 * {@link #seenByAll} kinds, whatever {@link #see} adds.
 *
 * <p>A game picks its rule with {@link Game#visibility()}: {@link #everything()}
 * (the default), the built-in {@link RadiusVisibility}, or its own
 * implementation, which may call the built-in one and add to it.
 *
 * <p>The server asks {@link #see} once per client per send tick, on the
 * room's thread, after the game's tick: it must be fast, must not block and
 * should not allocate. An exception stops the room, as from any game code.
 */
public interface Visibility {
    /**
     * Everyone sees every entity: the rule of a game that names none. The
     * server recognises it and replicates as if views did not exist (one
     * shared frame per send tick for every up-to-date client).
     */
    static Visibility everything() {
        return Everything.INSTANCE;
    }

    /**
     * Where entities sit, for {@link Sight#within}; null for a rule that
     * never asks for a radius (the server then keeps no grid).
     */
    ViewGrid grid();

    /**
     * Kinds every client sees wherever their entities are (a scoreboard, a
     * match clock). Entities of these kinds, and entities without the grid's
     * position fields, are not placed on the grid. Asked for every entity on
     * every send tick: answer from a field or a switch, not a search.
     */
    default boolean seenByAll(int kind) {
        return false;
    }

    /**
     * Names what one client sees in the state about to be sent.
     *
     * @param viewer the client's own entity (its player id), or 0 for a
     *               client without one (a spectator)
     * @param sight  where to add what it sees
     */
    void see(int viewer, Sight sight);

    /** {@link #everything()}: a class of its own so the server can tell it apart. */
    final class Everything implements Visibility {
        static final Everything INSTANCE = new Everything();

        private Everything() {
        }

        @Override
        public ViewGrid grid() {
            return null;
        }

        @Override
        public void see(int viewer, Sight sight) {
            sight.everything();
        }
    }
}
