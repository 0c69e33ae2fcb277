package dev.arena.server.room;

import io.vertx.core.json.JsonObject;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A room tells the registry what the room list shows of it. Plain data with
 * a serializing codec ({@link JsonCodec}), like every control message.
 *
 * @param roomId     the room
 * @param players    players seated now
 * @param spectators spectators watching now
 * @param metadata   what its game has set ({@code GameContext.setMetadata}), immutable
 */
public record RoomStatus(String roomId, int players, int spectators, Map<String, String> metadata) {
    public JsonObject toJson() {
        return new JsonObject().put("roomId", roomId).put("players", players).put("spectators", spectators)
                .put("metadata", new JsonObject(new LinkedHashMap<>(metadata)));
    }

    public static RoomStatus fromJson(JsonObject json) {
        Map<String, String> metadata = new LinkedHashMap<>();
        json.getJsonObject("metadata").forEach(e -> metadata.put(e.getKey(), String.valueOf(e.getValue())));
        return new RoomStatus(json.getString("roomId"), json.getInteger("players"), json.getInteger("spectators"),
                Collections.unmodifiableMap(metadata));
    }
}
