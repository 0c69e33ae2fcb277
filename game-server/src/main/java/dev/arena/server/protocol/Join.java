package dev.arena.server.protocol;

/**
 * JOIN: enter a room, as a player or a spectator.
 *
 * @param protocolVersion the client's {@link ProtocolVersion}; a JOIN of another version carries nothing else
 *                        (its other fields are null or 0) and is answered with ERROR 4011
 * @param game            the game to play, or null or empty for the server's default game ({@code room.game})
 * @param roomId          the room to join, or null for quick-join (or for the private room of {@code privateCode})
 * @param name            the player's display name, or null
 * @param flags           {@link #SPECTATE} and {@link #CREATE_PRIVATE}, or 0
 * @param privateCode     the code of a private room to join, or null
 * @param reservation     the token of a seat reserved on this node, from a REDIRECT, or null
 */
public record Join(int protocolVersion, String game, String roomId, String name, int flags, String privateCode,
                   String reservation) implements ClientMessage {
    /** Watch the room: the state stream without an entity or a seat. */
    public static final int SPECTATE = 1;
    /** Open a new private room of the game and take its first seat; WELCOME carries the room's code. */
    public static final int CREATE_PRIVATE = 2;
    /** Every flag this version defines; a JOIN with any other bit set is malformed. */
    public static final int KNOWN_FLAGS = SPECTATE | CREATE_PRIVATE;

    /** A JOIN without a reservation. */
    public Join(int protocolVersion, String game, String roomId, String name, int flags, String privateCode) {
        this(protocolVersion, game, roomId, name, flags, privateCode, null);
    }

    /** A player's quick-join (null room) or join by id, in the server's default game, at this protocol version. */
    public Join(String roomId, String name) {
        this(ProtocolVersion.CURRENT, null, roomId, name, 0, null, null);
    }

    /** A JOIN whose version is not this server's: only the version was read. */
    static Join ofVersion(int protocolVersion) {
        return new Join(protocolVersion, null, null, null, 0, null, null);
    }

    /** The same JOIN, presenting the reservation of a REDIRECT for its room. */
    public Join redirected(Redirect redirect) {
        return new Join(protocolVersion, game, redirect.roomId(), name, flags & ~CREATE_PRIVATE, privateCode,
                redirect.reservation());
    }

    /** The reservation is a secret: it never reaches a log through this record. */
    @Override
    public String toString() {
        return "Join[protocolVersion=" + protocolVersion + ", game=" + game + ", roomId=" + roomId + ", name=" + name
                + ", flags=" + flags + ", privateCode=" + privateCode + ", reservation=" + (reservation != null) + "]";
    }

    public boolean spectate() {
        return (flags & SPECTATE) != 0;
    }

    public boolean createPrivate() {
        return (flags & CREATE_PRIVATE) != 0;
    }
}
