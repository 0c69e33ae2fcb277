package dev.arena.server.room;

import dev.arena.server.protocol.CloseReason;

/**
 * The answer to a {@link JoinRequest}: a seat, a refusal with the ERROR
 * code and message for the client, or a seat reserved on another node that
 * the client is redirected to.
 *
 * @param roomId   the room joined (null when refused)
 * @param playerId the player's entity id (0 when refused)
 * @param inputs   where the connection puts the player's inputs (null when refused)
 * @param refusal  why the join was refused (a {@link CloseReason.Kind#JOIN_REFUSAL}), or null when accepted
 * @param message  human-readable refusal
 * @param players  players in the room after this join, so the registry updates its count
 *                 in the same step as the join completes (-1 when refused)
 * @param redirect where the seat is when it was reserved on another node, else null
 */
public record JoinResult(String roomId, int playerId, InputQueue inputs, CloseReason refusal, String message,
                         int players, Redirect redirect) {
    /**
     * A seat reserved on another node.
     *
     * @param url         that node's public WebSocket URL
     * @param roomId      the room
     * @param reservation the token the JOIN there presents
     */
    public record Redirect(String url, String roomId, String reservation) {
        @Override
        public String toString() {
            return "Redirect[" + url + ", " + roomId + "]";
        }
    }

    public static JoinResult joined(String roomId, int playerId, InputQueue inputs, int players) {
        return new JoinResult(roomId, playerId, inputs, null, null, players, null);
    }

    public static JoinResult refused(CloseReason refusal, String message) {
        return new JoinResult(null, 0, null, refusal, message, -1, null);
    }

    public static JoinResult redirected(String url, String roomId, String reservation) {
        return new JoinResult(null, 0, null, null, null, -1, new Redirect(url, roomId, reservation));
    }

    /** A seat here: neither refused nor redirected. */
    public boolean accepted() {
        return refusal == null && redirect == null;
    }

    public boolean redirected() {
        return redirect != null;
    }
}
