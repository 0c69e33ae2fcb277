package dev.arena.server.protocol;

/**
 * The version of PROTOCOL.md this code speaks. The first message of a session
 * carries the client's version first (JOIN or RESUME) and WELCOME the server's;
 * any other version is answered with ERROR 4011 naming both, and the
 * connection is closed. The browser client mirrors it in
 * {@code game-client-js/sdk/protocol/constants.js}.
 */
public final class ProtocolVersion {
    public static final int CURRENT = 2;

    private ProtocolVersion() {
    }
}
