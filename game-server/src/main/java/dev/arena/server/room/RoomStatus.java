package dev.arena.server.room;

/**
 * A room tells the registry how many players it holds.
 *
 * @param roomId  the room
 * @param players players seated now
 */
public record RoomStatus(String roomId, int players) {
}
