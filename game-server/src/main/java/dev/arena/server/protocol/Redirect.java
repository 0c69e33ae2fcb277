package dev.arena.server.protocol;

/**
 * REDIRECT: the seat the JOIN asked for was reserved on another node of the
 * cluster; connect there and JOIN again presenting the reservation.
 *
 * @param url         the node's WebSocket URL ({@code ws://} or {@code wss://})
 * @param roomId      the room the seat is in: the new JOIN's room id
 * @param reservation the token the new JOIN carries; valid for {@code cluster.reservationMillis}, once
 */
public record Redirect(String url, String roomId, String reservation) implements ServerMessage {
    /** The reservation is a secret: it never reaches a log through this record. */
    @Override
    public String toString() {
        return "Redirect[url=" + url + ", roomId=" + roomId + "]";
    }
}
