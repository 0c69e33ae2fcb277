package dev.arena.server.room;

import io.vertx.core.json.JsonObject;

/**
 * Asks a node's registry to reserve a seat among its own rooms
 * ({@link Addresses#REGISTRY_RESERVE}); answered with a {@link Reservation}.
 * It may come from another node, so it is plain data with a serializing
 * codec ({@link JsonCodec}).
 *
 * @param game          the game's name
 * @param roomId        the room, or null for the fullest of the game with a free seat
 * @param privateCode   the private room's code (normalized), or null
 * @param spectate      a spectator's place: it holds no seat and is checked against the spectator cap on arrival
 * @param createPrivate open a private room of the game
 * @param mayOpen       a quick-join may open a new room when none has a free seat
 */
public record SeatRequest(String game, String roomId, String privateCode, boolean spectate, boolean createPrivate,
                          boolean mayOpen) {
    public JsonObject toJson() {
        return new JsonObject().put("game", game).put("roomId", roomId).put("privateCode", privateCode)
                .put("spectate", spectate).put("createPrivate", createPrivate).put("mayOpen", mayOpen);
    }

    public static SeatRequest fromJson(JsonObject json) {
        return new SeatRequest(json.getString("game"), json.getString("roomId"), json.getString("privateCode"),
                json.getBoolean("spectate"), json.getBoolean("createPrivate"), json.getBoolean("mayOpen"));
    }
}
