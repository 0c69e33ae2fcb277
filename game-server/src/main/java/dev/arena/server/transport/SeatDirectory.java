package dev.arena.server.transport;

import dev.arena.server.metrics.GameMetrics;
import io.vertx.core.Vertx;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's seats by resume token (PROTOCOL.md, "RESUME"), shared by every
 * HTTP verticle of the node: a player may come back on any of them. Tokens
 * are 192 random bits from {@link SecureRandom}, so they cannot be guessed;
 * they are secrets, never logged and never a metric label. A token names its
 * seat for as long as the seat lives (through any number of resumes), and is
 * remembered as expired for a while after its grace window ended, so that a
 * late RESUME is counted as {@code expired} rather than {@code unknown}.
 *
 * <p>Node-local: a token is valid on the node that issued it (issue 10's
 * cluster keeps rooms, and so seats, on their owning node). Thread-safe.
 */
public final class SeatDirectory {
    /** How long an expired token is told apart from one never seen; after that it is unknown again. */
    private static final long EXPIRED_MEMORY_NANOS = 5 * 60 * 1_000_000_000L;
    private static final int TOKEN_BYTES = 24;

    private final Vertx vertx;
    private final long graceMillis;
    private final GameMetrics metrics;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Seat> seats = new ConcurrentHashMap<>();
    /** Expired tokens and when they expired, {@link System#nanoTime()}. */
    private final Map<String, Long> expired = new ConcurrentHashMap<>();
    private volatile long nextPrune;

    /**
     * @param graceMillis {@code room.reconnectGraceMillis}: how long a seat is held after a drop; 0 turns resume off
     */
    public SeatDirectory(Vertx vertx, long graceMillis, GameMetrics metrics) {
        this.vertx = vertx;
        this.graceMillis = graceMillis;
        this.metrics = metrics;
    }

    Vertx vertx() {
        return vertx;
    }

    long graceMillis() {
        return graceMillis;
    }

    GameMetrics metrics() {
        return metrics;
    }

    /** A new token: 32 chars of unpadded base64url, Kryo's short ASCII string form on the wire. Null when resume is off. */
    String newToken() {
        if (graceMillis == 0) {
            return null;
        }
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The seat of {@code token}, or null. */
    Seat find(String token) {
        return token == null ? null : seats.get(token);
    }

    /** Whether {@code token}'s seat was freed because its grace window ended, not long ago. */
    boolean expired(String token) {
        return token != null && expired.containsKey(token);
    }

    void add(Seat seat) {
        if (seat.token() != null) {
            seats.put(seat.token(), seat);
        }
    }

    /** The seat was given up (LEAVE, its room stopped): its token is unknown from now on. */
    void remove(Seat seat) {
        if (seat.token() != null) {
            seats.remove(seat.token(), seat);
        }
    }

    /** The seat's grace window ended: its token is remembered as expired for a while. */
    void expire(Seat seat) {
        if (seat.token() == null || !seats.remove(seat.token(), seat)) {
            return;
        }
        long now = System.nanoTime();
        expired.put(seat.token(), now);
        if (now - nextPrune > 0) {
            nextPrune = now + EXPIRED_MEMORY_NANOS / 4;
            expired.values().removeIf(at -> now - at > EXPIRED_MEMORY_NANOS);
        }
    }
}
