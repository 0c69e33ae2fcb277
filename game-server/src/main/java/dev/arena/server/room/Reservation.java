package dev.arena.server.room;

import dev.arena.server.protocol.CloseReason;
import io.vertx.core.json.JsonObject;

/**
 * The answer to a {@link SeatRequest}: a seat held for {@code cluster.reservationMillis}
 * under a token, or a refusal. Plain data with a serializing codec ({@link JsonCodec}).
 *
 * @param roomId  the room the seat is in (null when refused)
 * @param token   what the player's JOIN presents to claim it (null when refused); a secret, never logged
 * @param refusal why not, or null
 * @param message the refusal's text, or null
 */
public record Reservation(String roomId, String token, CloseReason refusal, String message) {
    public static Reservation granted(String roomId, String token) {
        return new Reservation(roomId, token, null, null);
    }

    public static Reservation refused(CloseReason refusal, String message) {
        return new Reservation(null, null, refusal, message);
    }

    public boolean granted() {
        return refusal == null;
    }

    @Override
    public String toString() {
        return granted() ? "Reservation[" + roomId + "]" : "Reservation[refused " + refusal.label() + ": " + message + "]";
    }

    public JsonObject toJson() {
        return new JsonObject().put("roomId", roomId).put("token", token)
                .put("refusal", refusal == null ? null : refusal.name()).put("message", message);
    }

    public static Reservation fromJson(JsonObject json) {
        String refusal = json.getString("refusal");
        return new Reservation(json.getString("roomId"), json.getString("token"),
                refusal == null ? null : CloseReason.valueOf(refusal), json.getString("message"));
    }
}
