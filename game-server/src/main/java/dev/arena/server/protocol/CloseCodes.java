package dev.arena.server.protocol;

/**
 * WebSocket close codes and ERROR message codes (PROTOCOL.md, "Close codes").
 * Standard codes where one fits, 4000+ for the application's own. The browser
 * client mirrors these in {@code game-client-js/sdk/protocol/constants.js}.
 */
public final class CloseCodes {
    public static final int NORMAL = 1000;
    public static final int GOING_AWAY = 1001;
    public static final int PROTOCOL_ERROR = 1002;
    public static final int UNSUPPORTED_DATA = 1003;
    public static final int POLICY_VIOLATION = 1008;
    public static final int MESSAGE_TOO_BIG = 1009;

    public static final int ROOM_FULL = 4000;
    public static final int UNKNOWN_ROOM = 4001;
    public static final int TOO_SLOW = 4002;
    public static final int ROOM_CLOSED = 4003;
    public static final int SERVER_FULL = 4004;
    public static final int JOIN_TIMEOUT = 4005;
    public static final int BAD_REQUEST = 4006;
    public static final int SHUTTING_DOWN = 4007;
    public static final int RESUME_FAILED = 4008;
    public static final int TAKEN_OVER = 4009;
    public static final int PEER_TIMEOUT = 4010;
    public static final int VERSION_MISMATCH = 4011;
    public static final int WRONG_CODE = 4012;
    public static final int UNKNOWN_GAME = 4013;
    public static final int SPECTATORS_FULL = 4014;
    public static final int CLOSED_BY_OPERATOR = 4015;
    public static final int KICKED = 4016;
    public static final int RESERVATION_INVALID = 4017;

    private CloseCodes() {
    }
}
