package dev.arena.server.room;

/**
 * A connection asks for a seat.
 *
 * @param roomId  the room wanted, or null for quick-join
 * @param name    the player's validated display name
 * @param channel the player's connection, for the room to write to
 */
public record JoinRequest(String roomId, String name, ClientChannel channel) {
}
