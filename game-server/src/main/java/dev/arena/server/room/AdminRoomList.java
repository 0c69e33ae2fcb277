package dev.arena.server.room;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * What operators see of a room (the admin API's room list and a room's
 * header): more than the players' list shows, and private rooms too. Built
 * by the registry from the directory, this node's rooms and in a cluster the
 * other nodes' ({@link Addresses#REGISTRY_ADMIN_ROOMS}), and by the room
 * itself when it is inspected ({@link RoomOperator}), in the same shape:
 * {@code id, game, private, players, capacity, spectators, maxSpectators,
 * tickHz, sendHz, openedAt, ageSeconds, metadata, node, url} ({@code node}
 * and {@code url} are null on a lone node). A private room's code is not
 * shown: operators need not join it to act on it.
 */
final class AdminRoomList {
    private AdminRoomList() {
    }

    /** {@code {"rooms": [...]}}: every room given, in the order they opened (on whichever node). */
    static JsonObject of(Collection<RoomListing> rooms, long nowMillis) {
        List<RoomListing> sorted = new ArrayList<>(rooms);
        // Stable: rooms of one node opened in the same millisecond keep their order.
        sorted.sort(Comparator.comparingLong(RoomListing::openedAtMillis));
        JsonArray array = new JsonArray();
        for (RoomListing room : sorted) {
            array.add(summary(room, nowMillis));
        }
        return new JsonObject().put("rooms", array);
    }

    static JsonObject summary(RoomListing room, long nowMillis) {
        return new JsonObject().put("id", room.id()).put("game", room.game()).put("private", room.isPrivate())
                .put("players", room.players()).put("capacity", room.capacity())
                .put("spectators", room.spectators()).put("maxSpectators", room.maxSpectators())
                .put("tickHz", room.tickHz()).put("sendHz", room.sendHz())
                .put("openedAt", Instant.ofEpochMilli(room.openedAtMillis()).toString())
                .put("ageSeconds", Math.max(0, (nowMillis - room.openedAtMillis()) / 1000))
                .put("metadata", new JsonObject(new LinkedHashMap<>(room.metadata())))
                .put("node", room.node()).put("url", room.url());
    }
}
