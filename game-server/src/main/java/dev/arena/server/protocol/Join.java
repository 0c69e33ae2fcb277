package dev.arena.server.protocol;

/**
 * JOIN: enter a room.
 *
 * @param roomId the room to join, or null for quick-join
 * @param name   the player's display name, or null
 */
public record Join(String roomId, String name) implements ClientMessage {
}
