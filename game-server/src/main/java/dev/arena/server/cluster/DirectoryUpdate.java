package dev.arena.server.cluster;

import dev.arena.server.room.RoomListing;
import io.vertx.core.json.JsonObject;

/**
 * One change to the cluster's room directory, as its owner published it: a
 * room's new listing, or its removal. Published on the clustered event bus
 * to every node ({@code Addresses.DIRECTORY_UPDATES}) and written to the
 * Hazelcast map that a node joining later reads. Versions come from the
 * owning node's counter, so of two updates of a room the newer wins,
 * whichever arrives first.
 *
 * @param roomId  the room
 * @param node    the node it lives on
 * @param version the owner's counter at the change
 * @param listing the room now, or null when it is gone
 */
record DirectoryUpdate(String roomId, String node, long version, RoomListing listing) {
    boolean removed() {
        return listing == null;
    }

    JsonObject toJson() {
        // "game" and "node" at the top level: the map's queries select on them.
        return new JsonObject().put("roomId", roomId).put("node", node).put("version", version)
                .put("game", listing == null ? null : listing.game())
                .put("listing", listing == null ? null : listing.toJson());
    }

    static DirectoryUpdate fromJson(JsonObject json) {
        JsonObject listing = json.getJsonObject("listing");
        return new DirectoryUpdate(json.getString("roomId"), json.getString("node"), json.getLong("version"),
                listing == null ? null : RoomListing.fromJson(listing));
    }
}
