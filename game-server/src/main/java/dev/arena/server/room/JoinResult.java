package dev.arena.server.room;

/**
 * The answer to a {@link JoinRequest}: a seat, or a refusal with the ERROR
 * code and message for the client.
 *
 * @param roomId    the room joined (null when refused)
 * @param playerId  the player's entity id (0 when refused)
 * @param errorCode application code when refused (CloseCodes), else 0
 * @param reason    bounded metric label when refused
 * @param message   human-readable refusal
 */
public record JoinResult(String roomId, int playerId, int errorCode, String reason, String message) {
    public static JoinResult joined(String roomId, int playerId) {
        return new JoinResult(roomId, playerId, 0, null, null);
    }

    public static JoinResult refused(int errorCode, String reason, String message) {
        return new JoinResult(null, 0, errorCode, reason, message);
    }

    public boolean accepted() {
        return errorCode == 0;
    }
}
