package dev.arena.server.protocol;

/**
 * Why the server refused a request or a connection ended: the code the
 * client gets (PROTOCOL.md, "Close codes") and the {@code reason} label the
 * server counts it under (docs/OPERATIONS.md, "Close and refusal reasons").
 *
 * <p>The {@link Kind} decides which metric counts a reason, so the closed
 * label sets of those metrics are derived from this enum and nothing else can
 * drift from it. A new reason is one constant here and one line in the table
 * of docs/OPERATIONS.md (a test compares the two); the label must stay
 * bounded, lower-case and never change once released, because dashboards and
 * alerts select on it.
 */
public enum CloseReason {
    // ERROR + code in answer to a JOIN; the connection stays in the lobby.
    ROOM_FULL(CloseCodes.ROOM_FULL, "room_full", Kind.JOIN_REFUSAL),
    UNKNOWN_ROOM(CloseCodes.UNKNOWN_ROOM, "unknown_room", Kind.JOIN_REFUSAL),
    SERVER_FULL(CloseCodes.SERVER_FULL, "server_full", Kind.JOIN_REFUSAL),
    BAD_REQUEST(CloseCodes.BAD_REQUEST, "bad_request", Kind.JOIN_REFUSAL),
    SHUTTING_DOWN(CloseCodes.SHUTTING_DOWN, "shutting_down", Kind.JOIN_REFUSAL),
    WRONG_CODE(CloseCodes.WRONG_CODE, "wrong_code", Kind.JOIN_REFUSAL),
    UNKNOWN_GAME(CloseCodes.UNKNOWN_GAME, "unknown_game", Kind.JOIN_REFUSAL),
    SPECTATORS_FULL(CloseCodes.SPECTATORS_FULL, "spectators_full", Kind.JOIN_REFUSAL),
    /** A JOIN's seat reservation is unknown here or expired (cluster.reservationMillis): join at the entry node again. */
    RESERVATION_INVALID(CloseCodes.RESERVATION_INVALID, "reservation_invalid", Kind.JOIN_REFUSAL),

    // A client frame refused: the connection is closed with the code.
    TEXT(CloseCodes.UNSUPPORTED_DATA, "text", Kind.FRAME_REJECTION),
    TOO_BIG(CloseCodes.MESSAGE_TOO_BIG, "too_big", Kind.FRAME_REJECTION),
    /** A frame Netty's decoder refused (bad opcode, reserved bits, ...); Netty chooses the close code. */
    BAD_FRAME(CloseCodes.PROTOCOL_ERROR, "bad_frame", Kind.FRAME_REJECTION),
    RATE_LIMITED(CloseCodes.POLICY_VIOLATION, "rate_limited", Kind.FRAME_REJECTION),
    EMPTY(CloseCodes.PROTOCOL_ERROR, "empty", Kind.FRAME_REJECTION),
    UNKNOWN_TAG(CloseCodes.PROTOCOL_ERROR, "unknown_tag", Kind.FRAME_REJECTION),
    TRUNCATED(CloseCodes.PROTOCOL_ERROR, "truncated", Kind.FRAME_REJECTION),
    TRAILING_BYTES(CloseCodes.PROTOCOL_ERROR, "trailing_bytes", Kind.FRAME_REJECTION),
    MALFORMED(CloseCodes.PROTOCOL_ERROR, "malformed", Kind.FRAME_REJECTION),
    BAD_LENGTH(CloseCodes.PROTOCOL_ERROR, "bad_length", Kind.FRAME_REJECTION),
    BAD_VALUE(CloseCodes.PROTOCOL_ERROR, "bad_value", Kind.FRAME_REJECTION),
    STRING_TOO_LONG(CloseCodes.PROTOCOL_ERROR, "string_too_long", Kind.FRAME_REJECTION),
    /** A string whose bytes are not a valid encoding (PROTOCOL.md, "Strict decoding"). */
    BAD_STRING(CloseCodes.PROTOCOL_ERROR, "bad_string", Kind.FRAME_REJECTION),
    BAD_STATE(CloseCodes.PROTOCOL_ERROR, "bad_state", Kind.FRAME_REJECTION),

    // The end of a connection for another cause.
    /** The client sent a close frame; the code is the client's. */
    CLIENT_CLOSED(CloseReason.PEER_CODE, "client_closed", Kind.CONNECTION_CLOSE),
    /** The TCP connection ended without a close frame. */
    ABNORMAL(CloseReason.PEER_CODE, "abnormal", Kind.CONNECTION_CLOSE),
    GOING_AWAY(CloseCodes.GOING_AWAY, "going_away", Kind.CONNECTION_CLOSE),
    TOO_SLOW(CloseCodes.TOO_SLOW, "too_slow", Kind.CONNECTION_CLOSE),
    ROOM_CLOSED(CloseCodes.ROOM_CLOSED, "room_closed", Kind.CONNECTION_CLOSE),
    JOIN_TIMEOUT(CloseCodes.JOIN_TIMEOUT, "join_timeout", Kind.CONNECTION_CLOSE),
    /** RESUME named a token this node does not hold (unknown, or its seat's grace window ended). */
    RESUME_FAILED(CloseCodes.RESUME_FAILED, "resume_failed", Kind.CONNECTION_CLOSE),
    /** A RESUME on another connection took this connection's seat. */
    TAKEN_OVER(CloseCodes.TAKEN_OVER, "taken_over", Kind.CONNECTION_CLOSE),
    /** A seated client answered no server PING within {@code session.pongTimeoutMillis}. */
    PEER_TIMEOUT(CloseCodes.PEER_TIMEOUT, "peer_timeout", Kind.CONNECTION_CLOSE),
    /** A JOIN or RESUME of another protocol version: ERROR + close, the client cannot speak this server's protocol. */
    VERSION_MISMATCH(CloseCodes.VERSION_MISMATCH, "version_mismatch", Kind.CONNECTION_CLOSE),
    /** An operator closed the room (the admin API): every player and spectator of it gets ERROR + 4015. */
    CLOSED_BY_OPERATOR(CloseCodes.CLOSED_BY_OPERATOR, "closed_by_operator", Kind.CONNECTION_CLOSE),
    /**
     * An operator kicked the player, or banned its address: ERROR with the operator's reason + 4016. Its seat is
     * given up at once, as by LEAVE: no grace window, its resume token is void.
     */
    KICKED(CloseCodes.KICKED, "kicked", Kind.CONNECTION_CLOSE);

    /** Which counter a reason is counted by. */
    public enum Kind {
        /** {@code arena_joins_refused_total}: ERROR + code, the connection stays open. */
        JOIN_REFUSAL,
        /** {@code arena_frames_rejected_total}, and {@code arena_connections_closed_total} for the close that follows. */
        FRAME_REJECTION,
        /** {@code arena_connections_closed_total} only. */
        CONNECTION_CLOSE
    }

    /** {@link #code()} of a reason the peer decides: the server sends no code of its own. */
    public static final int PEER_CODE = 0;

    private final int code;
    private final String label;
    private final Kind kind;

    CloseReason(int code, String label, Kind kind) {
        this.code = code;
        this.label = label;
        this.kind = kind;
    }

    /**
     * The close code the server closes with, or the ERROR code it answers a
     * refused JOIN with; {@link #PEER_CODE} when the peer ended the connection.
     */
    public int code() {
        return code;
    }

    /** The metric label: bounded, stable, lower_snake_case. */
    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the server announces it with an ERROR message before closing: application codes only. */
    public boolean sendsError() {
        return code >= 4000;
    }
}
