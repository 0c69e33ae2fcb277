package dev.arena.server.room;

/**
 * The answer to a {@link JoinRequest}: a seat, or a refusal with the ERROR
 * code and message for the client.
 *
 * @param roomId    the room joined (null when refused)
 * @param playerId  the player's entity id (0 when refused)
 * @param inputs    where the connection puts the player's inputs (null when refused)
 * @param errorCode application code when refused (CloseCodes), else 0
 * @param reason    bounded metric label when refused
 * @param message   human-readable refusal
 * @param players   players in the room after this join, so the registry updates its count
 *                  in the same step as the join completes (-1 when refused)
 */
public record JoinResult(String roomId, int playerId, InputQueue inputs, int errorCode, String reason, String message,
                         int players) {
    public static JoinResult joined(String roomId, int playerId, InputQueue inputs, int players) {
        return new JoinResult(roomId, playerId, inputs, 0, null, null, players);
    }

    public static JoinResult refused(int errorCode, String reason, String message) {
        return new JoinResult(null, 0, null, errorCode, reason, message, -1);
    }

    public boolean accepted() {
        return errorCode == 0;
    }
}
