package dev.arena.server.metrics;

import dev.arena.server.protocol.CloseReason;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The closed sets of {@code reason} label values, derived from
 * {@link CloseReason} by its {@link CloseReason.Kind}. A reason outside its
 * set (a join refusal passed as a frame rejection, or null) is recorded as
 * {@link #OTHER}. Every known reason is registered at zero on start-up, so
 * {@code rate()} and alerts see a series before the first event.
 */
public final class MetricReasons {
    /** The label value for a reason outside its set. */
    public static final String OTHER = "other";

    /** Why a JOIN was refused ({@code arena_joins_refused_total}). */
    public static final Set<CloseReason> JOIN_REFUSALS = of(CloseReason.Kind.JOIN_REFUSAL);

    /** Why a client frame was refused ({@code arena_frames_rejected_total}); the connection is closed with the same reason. */
    public static final Set<CloseReason> FRAME_REJECTIONS = of(CloseReason.Kind.FRAME_REJECTION);

    /**
     * Why a connection was refused before its WebSocket existed
     * ({@code arena_upgrades_refused_total}): 503 for {@code per_ip} and
     * {@code server_full}, 403 for {@code origin} and {@code banned}, a plain close for
     * {@code handshake_timeout}. HTTP answers, not close codes, so not {@link CloseReason}s.
     */
    public static final Set<String> UPGRADE_REFUSALS = Set.of("per_ip", "server_full", "origin", "banned",
            "handshake_timeout");

    /** Why a connection closed ({@code arena_connections_closed_total}): a frame rejection, or a close of its own. */
    public static final Set<CloseReason> CONNECTION_CLOSES = of(CloseReason.Kind.FRAME_REJECTION,
            CloseReason.Kind.CONNECTION_CLOSE);

    private MetricReasons() {
    }

    /** The label values of a set, for tests and documentation. */
    public static Set<String> labels(Set<CloseReason> reasons) {
        return reasons.stream().map(CloseReason::label).collect(Collectors.toUnmodifiableSet());
    }

    private static Set<CloseReason> of(CloseReason.Kind... kinds) {
        Set<CloseReason.Kind> wanted = Set.of(kinds);
        EnumSet<CloseReason> out = EnumSet.noneOf(CloseReason.class);
        Arrays.stream(CloseReason.values()).filter(r -> wanted.contains(r.kind())).forEach(out::add);
        return java.util.Collections.unmodifiableSet(out);
    }
}
