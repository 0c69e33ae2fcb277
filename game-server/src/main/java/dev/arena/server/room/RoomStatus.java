package dev.arena.server.room;

import java.util.Map;

/**
 * A room tells the registry what the room list shows of it.
 *
 * @param roomId     the room
 * @param players    players seated now
 * @param spectators spectators watching now
 * @param metadata   what its game has set ({@code GameContext.setMetadata}), immutable
 */
public record RoomStatus(String roomId, int players, int spectators, Map<String, String> metadata) {
}
