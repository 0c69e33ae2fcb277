package dev.arena.server.room;

/**
 * A connection asks for a seat.
 *
 * @param roomId  the room wanted, or null for quick-join
 * @param name    the player's validated display name
 * @param channel the player's connection, for the room to write to
 * @param resumeToken the seat's resume token for WELCOME, or null when resume is off
 */
public record JoinRequest(String roomId, String name, ClientChannel channel, String resumeToken) {
    /** The token is a secret: it never reaches a log through this record. */
    @Override
    public String toString() {
        return "JoinRequest[roomId=" + roomId + ", name=" + name + "]";
    }
}
