package dev.arena.server.room;

import dev.arena.server.protocol.CloseReason;

/**
 * Where the {@link Directory} placed a join.
 *
 * @param kind    what happened
 * @param roomId  the room of the reservation (RESERVED_HERE, ELSEWHERE)
 * @param token   the reservation's token (RESERVED_HERE, ELSEWHERE)
 * @param url     the WebSocket URL of the node holding the seat (ELSEWHERE)
 * @param refusal why not (REFUSED)
 * @param message the refusal's text (REFUSED)
 */
public record Placement(Kind kind, String roomId, String token, String url, CloseReason refusal, String message) {
    public enum Kind {
        /** The registry places the join among this node's rooms, as a lone node does. */
        HERE,
        /** A seat was reserved in one of this node's rooms: the join claims it at once. */
        RESERVED_HERE,
        /** A seat was reserved on another node: the player is redirected there. */
        ELSEWHERE,
        /** No seat anywhere. */
        REFUSED
    }

    public static Placement here() {
        return new Placement(Kind.HERE, null, null, null, null, null);
    }

    public static Placement reservedHere(String roomId, String token) {
        return new Placement(Kind.RESERVED_HERE, roomId, token, null, null, null);
    }

    public static Placement elsewhere(String url, String roomId, String token) {
        return new Placement(Kind.ELSEWHERE, roomId, token, url, null, null);
    }

    public static Placement refused(CloseReason refusal, String message) {
        return new Placement(Kind.REFUSED, null, null, null, refusal, message);
    }
}
