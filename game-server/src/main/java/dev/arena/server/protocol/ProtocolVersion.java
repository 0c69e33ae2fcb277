package dev.arena.server.protocol;

/**
 * The version of PROTOCOL.md this code speaks. JOIN carries the client's
 * version first and WELCOME the server's; a JOIN of any other version is
 * answered with ERROR 4011 naming both, and the connection is closed. The
 * browser client mirrors it in {@code game-client-js/sdk/protocol/constants.js}.
 */
public final class ProtocolVersion {
    public static final int CURRENT = 2;

    private ProtocolVersion() {
    }
}
