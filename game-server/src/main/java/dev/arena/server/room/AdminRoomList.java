package dev.arena.server.room;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What operators see of a room (the admin API's room list and a room's
 * header): more than the players' list shows, and private rooms too. Built
 * by the registry from its directory ({@link Addresses#REGISTRY_ADMIN_ROOMS})
 * and by the room itself when it is inspected ({@link RoomOperator}), in the
 * same shape: {@code id, game, private, players, capacity, spectators,
 * maxSpectators, tickHz, sendHz, openedAt, ageSeconds, metadata}. A private
 * room's code is not shown: operators need not join it to act on it.
 */
final class AdminRoomList {
    private AdminRoomList() {
    }

    /** {@code {"rooms": [...]}}: every room of the directory, in the order they opened. */
    static JsonObject of(Collection<RoomDirectory.Entry> rooms, long nowMillis) {
        JsonArray array = new JsonArray();
        for (RoomDirectory.Entry e : rooms) {
            array.add(summary(e.id, e.game, e.code != null, e.players, e.spectators, e.metadata, e.openedAtMillis,
                    nowMillis));
        }
        return new JsonObject().put("rooms", array);
    }

    static JsonObject summary(String id, OfferedGame game, boolean isPrivate, int players, int spectators,
                              Map<String, String> metadata, long openedAtMillis, long nowMillis) {
        return new JsonObject().put("id", id).put("game", game.name()).put("private", isPrivate)
                .put("players", players).put("capacity", game.rooms().capacity())
                .put("spectators", spectators).put("maxSpectators", game.rooms().maxSpectators())
                .put("tickHz", game.rooms().tickHz()).put("sendHz", game.rooms().sendHz())
                .put("openedAt", Instant.ofEpochMilli(openedAtMillis).toString())
                .put("ageSeconds", Math.max(0, (nowMillis - openedAtMillis) / 1000))
                .put("metadata", new JsonObject(new LinkedHashMap<>(metadata)));
    }
}
