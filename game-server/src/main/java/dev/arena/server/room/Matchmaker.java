package dev.arena.server.room;

import dev.arena.server.protocol.CloseReason;

import java.util.function.BiFunction;

/**
 * Which of this node's rooms a join or a reservation takes (the rules of
 * {@link RoomRegistryVerticle}'s class comment): quick-join fills the fullest
 * public room of the game with a free seat and opens one when none has,
 * by id and by code find their room, a spectator watches the busiest. The
 * registry's event loop only.
 */
final class Matchmaker {
    private final RoomDirectory rooms;
    private final int maxRooms;
    private final BiFunction<OfferedGame, Boolean, RoomDirectory.Entry> open;

    /** @param open opens a room of the game, private or not, and returns its entry */
    Matchmaker(RoomDirectory rooms, int maxRooms, BiFunction<OfferedGame, Boolean, RoomDirectory.Entry> open) {
        this.rooms = rooms;
        this.maxRooms = maxRooms;
        this.open = open;
    }

    /** A room for a join, or why there is none: the matchmaking rules of the class comment. */
    Choice choose(OfferedGame game, boolean named, String roomId, String code, boolean spectate,
                          boolean createPrivate, boolean mayOpen) {
        JoinResult refusal = null;
        RoomDirectory.Entry entry;
        if (createPrivate) {
            entry = rooms.size() >= maxRooms ? null : open.apply(game, true);
        } else if (code != null) {
            entry = rooms.byCode(code);
            if (entry == null || (roomId != null && !roomId.equals(entry.id))) {
                refusal = JoinResult.refused(CloseReason.WRONG_CODE, "no private room has the code " + code
                        + (roomId != null ? " and the id " + roomId : ""));
            }
        } else if (roomId != null) {
            entry = rooms.get(roomId);
            if (entry == null) {
                refusal = JoinResult.refused(CloseReason.UNKNOWN_ROOM, "no room " + roomId);
            } else if (entry.code != null) {
                refusal = JoinResult.refused(CloseReason.WRONG_CODE, "room " + entry.id + " is private: join it with its code");
            }
        } else if (spectate) {
            entry = rooms.mostPlayers(game.name());
            if (entry == null) {
                refusal = JoinResult.refused(CloseReason.UNKNOWN_ROOM, "no public room of " + game.name() + " to watch");
            }
        } else {
            entry = rooms.fullestWithSpace(game.name());
            if (entry == null && mayOpen && rooms.size() < maxRooms) {
                entry = open.apply(game, false);
            }
        }
        if (refusal == null && entry == null) {
            refusal = JoinResult.refused(CloseReason.SERVER_FULL, "the server is full: all " + maxRooms
                    + " rooms are open" + (createPrivate ? "" : " and every " + game.name() + " room is full"));
        } else if (refusal == null && named && entry.game != game) {
            refusal = JoinResult.refused(CloseReason.UNKNOWN_ROOM, "room " + entry.id + " runs " + entry.game.name()
                    + ", not " + game.name());
        } else if (refusal == null && !spectate && entry.seated() >= entry.capacity()) {
            refusal = JoinResult.refused(CloseReason.ROOM_FULL, "room " + entry.id + " is full (" + entry.capacity()
                    + " players)");
        }
        return new Choice(refusal == null ? entry : null, refusal);
    }

    /** A room ({@code entry}), or why there is none ({@code refusal}, a JoinResult of the refusal). */
    record Choice(RoomDirectory.Entry entry, JoinResult refusal) {
    }
}
