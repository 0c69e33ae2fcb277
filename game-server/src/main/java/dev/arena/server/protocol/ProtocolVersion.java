package dev.arena.server.protocol;

/**
 * The version of the wire protocol this server speaks (PROTOCOL.md, "Protocol
 * version"). A client names it in the first message that starts a session
 * (RESUME); a mismatch is ERROR + close 4011 naming both versions. The
 * browser client mirrors it in {@code game-client-js/protocol/constants.js}.
 */
public final class ProtocolVersion {
    public static final int CURRENT = 2;

    private ProtocolVersion() {
    }
}
