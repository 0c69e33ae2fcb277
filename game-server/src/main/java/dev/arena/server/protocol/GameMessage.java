package dev.arena.server.protocol;

import java.util.Arrays;

/**
 * MESSAGE, in either direction: a message of the game's own, which the
 * server carries without reading it. A client's goes to its room's game
 * ({@code Game.onMessage}); a game's goes to one player or to the whole room.
 * The game decides what {@code type} means and how {@code payload} is laid
 * out ({@link PayloadWriter} and {@link PayloadReader} write and read the
 * protocol's own primitives).
 *
 * @param type    game-defined, {@value #MIN_TYPE} to {@value #MAX_TYPE}
 * @param payload the game's bytes; the whole frame is bounded by {@code http.maxFrameBytes}
 */
public record GameMessage(int type, byte[] payload) implements ClientMessage, ServerMessage {
    public static final int MIN_TYPE = 0;
    public static final int MAX_TYPE = 65_535;
    /** Bytes of a MESSAGE frame besides its payload, at most: tag, type varint (3 bytes up to MAX_TYPE), length varint. */
    public static final int MAX_OVERHEAD_BYTES = 1 + 3 + 5;

    public GameMessage {
        if (type < MIN_TYPE || type > MAX_TYPE) {
            throw new IllegalArgumentException("message type must be between " + MIN_TYPE + " and " + MAX_TYPE
                    + ", got " + type);
        }
        if (payload == null) {
            throw new IllegalArgumentException("payload must not be null (use an empty array)");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GameMessage m && m.type == type && Arrays.equals(m.payload, payload);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "GameMessage[type=" + type + ", payload=" + payload.length + " bytes]";
    }
}
