package dev.arena.server.room;

import dev.arena.server.protocol.CloseReason;

/**
 * The answer to a {@link JoinRequest}: a seat, or a refusal with the ERROR
 * code and message for the client.
 *
 * @param roomId   the room joined (null when refused)
 * @param playerId the player's entity id (0 when refused)
 * @param inputs   where the connection puts the player's inputs (null when refused)
 * @param refusal  why the join was refused (a {@link CloseReason.Kind#JOIN_REFUSAL}), or null when accepted
 * @param message  human-readable refusal
 * @param players  players in the room after this join, so the registry updates its count
 *                 in the same step as the join completes (-1 when refused)
 */
public record JoinResult(String roomId, int playerId, InputQueue inputs, CloseReason refusal, String message,
                         int players) {
    public static JoinResult joined(String roomId, int playerId, InputQueue inputs, int players) {
        return new JoinResult(roomId, playerId, inputs, null, null, players);
    }

    public static JoinResult refused(CloseReason refusal, String message) {
        return new JoinResult(null, 0, null, refusal, message, -1);
    }

    public boolean accepted() {
        return refusal == null;
    }
}
