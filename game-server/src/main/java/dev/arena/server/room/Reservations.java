package dev.arena.server.room;

import io.vertx.core.Vertx;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The seats this node holds for players on their way from another node, by
 * token. A token is 128 random bits (unguessable at the message-rate limit),
 * claimed once; unclaimed, it expires after {@code cluster.reservationMillis}
 * and its seat is given back. The registry's event loop only.
 */
final class Reservations {
    /** One seat held: its room, and whether it is a spectator's place (which holds no seat). */
    record Held(String token, String roomId, boolean spectate, long timerId) {
        @Override
        public String toString() {
            return "Held[" + roomId + (spectate ? ", spectator" : "") + "]";
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Held> byToken = new HashMap<>();
    private final Vertx vertx;
    private final long millis;
    private final Consumer<Held> expired;

    /** @param expired called on the registry's loop when a reservation ran out unclaimed */
    Reservations(Vertx vertx, long millis, Consumer<Held> expired) {
        this.vertx = vertx;
        this.millis = millis;
        this.expired = expired;
    }

    /** Holds a place in {@code roomId}; returns its token. */
    String hold(String roomId, boolean spectate) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long timer = vertx.setTimer(millis, id -> {
            Held held = byToken.remove(token);
            if (held != null) {
                expired.accept(held);
            }
        });
        byToken.put(token, new Held(token, roomId, spectate, timer));
        return token;
    }

    /** Claims a reservation: the held place, removed, or null when the token is unknown or expired. */
    Held claim(String token) {
        Held held = byToken.remove(token);
        if (held != null) {
            vertx.cancelTimer(held.timerId());
        }
        return held;
    }

    /** Forgets the reservations of a room that is gone; their JOINs will be refused. */
    void dropRoom(String roomId) {
        for (Iterator<Held> it = byToken.values().iterator(); it.hasNext(); ) {
            Held held = it.next();
            if (held.roomId().equals(roomId)) {
                vertx.cancelTimer(held.timerId());
                it.remove();
            }
        }
    }
}
