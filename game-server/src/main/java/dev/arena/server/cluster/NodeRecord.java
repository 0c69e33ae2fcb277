package dev.arena.server.cluster;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * What the cluster knows of one node, for placing new rooms on it: written
 * by the node as it joins and as it starts to stop.
 *
 * @param id       the node id: the first 8 characters of its Vert.x node id, in its room ids and room listings
 * @param url      its public WebSocket URL ({@code http.publicUrl})
 * @param games    the games it offers
 * @param maxRooms how many rooms it may hold ({@code room.maxRooms})
 * @param stopping true once it drains before stopping: no room is placed on it
 */
record NodeRecord(String id, String url, List<String> games, int maxRooms, boolean stopping) {
    NodeRecord {
        games = List.copyOf(games);
    }

    NodeRecord asStopping() {
        return new NodeRecord(id, url, games, maxRooms, true);
    }

    JsonObject toJson() {
        return new JsonObject().put("id", id).put("url", url).put("games", new JsonArray(games))
                .put("maxRooms", maxRooms).put("stopping", stopping);
    }

    static NodeRecord fromJson(JsonObject json) {
        return new NodeRecord(json.getString("id"), json.getString("url"),
                json.getJsonArray("games").stream().map(String::valueOf).toList(), json.getInteger("maxRooms"),
                json.getBoolean("stopping"));
    }
}
