package dev.arena.server.room;

/**
 * The transport tells a room that the connection of one attachment of a seat
 * dropped without LEAVE ({@link Addresses#roomDisconnect}).
 *
 * @param playerId   the seat's player
 * @param generation the attachment that dropped: 1 for the JOIN's connection, one more per RESUME
 */
public record SeatEvent(int playerId, int generation) {
}
