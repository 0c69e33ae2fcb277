package dev.arena.server.room;

/**
 * A join to place, as the registry read it.
 *
 * @param game          the game's name (resolved: the default game when the JOIN named none)
 * @param roomId        the room asked for, or null
 * @param privateCode   the private room's code, normalized, or null
 * @param spectate      watch, taking no seat
 * @param createPrivate open a private room and take its first seat
 */
public record PlacementQuery(String game, String roomId, String privateCode, boolean spectate, boolean createPrivate) {
    /** A quick-join: no room, no code, nothing to create. */
    public boolean quick() {
        return roomId == null && privateCode == null && !createPrivate;
    }
}
