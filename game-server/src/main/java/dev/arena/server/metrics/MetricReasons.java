package dev.arena.server.metrics;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The closed sets of {@code reason} label values. A reason outside its set is
 * recorded as {@link #OTHER}, so a careless caller (an exception message as
 * a reason, say) cannot blow up the number of series. Every known reason is
 * registered at zero on start-up, so {@code rate()} and alerts see a series
 * before the first event. docs/OPERATIONS.md lists them; a test checks that
 * the reasons the server's code passes are all here.
 */
public final class MetricReasons {
    /** The label value for a reason outside its set. */
    public static final String OTHER = "other";

    /** Why a JOIN was refused (ERROR codes 4000, 4001, 4004, 4006). */
    public static final Set<String> JOIN_REFUSALS = Set.of("room_full", "unknown_room", "server_full", "bad_request",
            "shutting_down");

    /**
     * Why a connection was refused before its WebSocket existed: 503 for
     * {@code per_ip} and {@code server_full}, 403 for {@code origin}, a plain
     * close for {@code handshake_timeout}.
     */
    public static final Set<String> UPGRADE_REFUSALS = Set.of("per_ip", "server_full", "origin", "handshake_timeout");

    /** Why a client frame was refused; the connection is closed with the same reason. */
    public static final Set<String> FRAME_REJECTIONS = Set.of(
            "text", "too_big", "bad_frame", "rate_limited", "bad_state", "bad_value", "bad_length",
            "string_too_long", "bad_string", "truncated", "empty", "unknown_tag", "malformed", "trailing_bytes");

    /** Why a connection closed: a frame rejection, or one of these. */
    public static final Set<String> CONNECTION_CLOSES = union(FRAME_REJECTIONS, Set.of(
            "client_closed", "abnormal", "going_away", "too_slow", "room_closed", "join_timeout"));

    private MetricReasons() {
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
