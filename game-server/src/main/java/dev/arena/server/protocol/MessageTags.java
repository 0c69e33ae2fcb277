package dev.arena.server.protocol;

/**
 * The first byte of every message, grouped by direction (PROTOCOL.md, "Tags").
 * The browser client mirrors these in {@code game-client-js/sdk/protocol/constants.js};
 * a test keeps the two in step.
 */
public final class MessageTags {
    public static final int CLIENT_JOIN = 1;
    public static final int CLIENT_INPUT = 2;
    public static final int CLIENT_PING = 3;
    public static final int CLIENT_PONG = 4;
    public static final int CLIENT_LEAVE = 5;
    public static final int CLIENT_RESUME = 6;
    public static final int CLIENT_MESSAGE = 7;

    public static final int SERVER_WELCOME = 64;
    public static final int SERVER_SNAPSHOT = 65;
    public static final int SERVER_DELTA = 66;
    public static final int SERVER_PING = 67;
    public static final int SERVER_PONG = 68;
    public static final int SERVER_ERROR = 69;
    public static final int SERVER_MESSAGE = 70;
    public static final int SERVER_REDIRECT = 71;
    public static final int SERVER_NOTICE = 72;

    private MessageTags() {
    }
}
