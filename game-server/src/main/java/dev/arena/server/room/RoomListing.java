package dev.arena.server.room;

import io.vertx.core.json.JsonObject;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the directory knows of one room: what the room list shows of it and
 * what placement needs. A node's own rooms have no {@code node} and
 * {@code url} until a cluster directory stamps them.
 *
 * @param id            the room, unique where the directory reaches
 * @param game          the game it runs
 * @param players       players seated now (held seats included)
 * @param spectators    spectators watching now
 * @param capacity      players it takes
 * @param maxSpectators spectators it takes
 * @param seated        seats taken or promised: players, joins on their way and reservations
 * @param metadata      what its game set ({@code GameContext.setMetadata}), immutable
 * @param privateCode   its code when private (never listed), else null
 * @param node          the node it lives on, or null for this node's own room without a cluster
 * @param url           that node's public WebSocket URL, or null likewise
 * @param tickHz        its simulation rate, for operators (its node's setting of its game)
 * @param sendHz        its update rate, likewise
 * @param openedAtMillis when it opened on its node, ms since the Unix epoch, for operators
 */
public record RoomListing(String id, String game, int players, int spectators, int capacity, int maxSpectators,
                          int seated, Map<String, String> metadata, String privateCode, String node, String url,
                          int tickHz, int sendHz, long openedAtMillis) {
    public RoomListing {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    public boolean isPrivate() {
        return privateCode != null;
    }

    public boolean hasFreeSeat() {
        return seated < capacity;
    }

    public RoomListing on(String node, String url) {
        return new RoomListing(id, game, players, spectators, capacity, maxSpectators, seated, metadata, privateCode,
                node, url, tickHz, sendHz, openedAtMillis);
    }

    /** The room list's entry: id, game, counts, metadata, and the node and its URL when there are several. */
    public JsonObject toListJson() {
        JsonObject json = new JsonObject().put("id", id).put("game", game).put("players", players)
                .put("capacity", capacity).put("spectators", spectators).put("maxSpectators", maxSpectators)
                .put("metadata", new JsonObject(new LinkedHashMap<>(metadata)));
        if (node != null) {
            json.put("node", node).put("url", url);
        }
        return json;
    }

    /** Every field, for the cluster's directory and its messages (the operators' room list reads the last three). */
    public JsonObject toJson() {
        return toListJson().put("seated", seated).put("privateCode", privateCode).put("tickHz", tickHz)
                .put("sendHz", sendHz).put("openedAtMillis", openedAtMillis);
    }

    public static RoomListing fromJson(JsonObject json) {
        Map<String, String> metadata = new LinkedHashMap<>();
        json.getJsonObject("metadata", new JsonObject()).forEach(e -> metadata.put(e.getKey(), String.valueOf(e.getValue())));
        return new RoomListing(json.getString("id"), json.getString("game"), json.getInteger("players"),
                json.getInteger("spectators"), json.getInteger("capacity"), json.getInteger("maxSpectators"),
                json.getInteger("seated"), metadata, json.getString("privateCode"), json.getString("node"),
                json.getString("url"), json.getInteger("tickHz"), json.getInteger("sendHz"),
                json.getLong("openedAtMillis"));
    }
}
