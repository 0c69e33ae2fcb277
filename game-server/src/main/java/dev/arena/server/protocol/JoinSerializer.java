package dev.arena.server.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/**
 * PROTOCOL.md "JOIN (tag 1)": {@code [protocolVersion] (varint) [game] (string)
 * [roomId] (string) [name] (string) [flags] (varint) [privateCode] (string)
 * [reservation] (string)}.
 *
 * <p>The version comes first so that any client, of any version, is told the
 * versions differ rather than that its message is malformed: a JOIN of
 * another version is read no further (its other bytes are skipped).
 */
final class JoinSerializer extends Serializer<Join> {
    /** Generous bounds on what we read; the session applies the real rules. */
    static final int MAX_GAME_CHARS = 32;
    static final int MAX_ROOM_ID_CHARS = 64;
    static final int MAX_NAME_CHARS = 64;
    static final int MAX_CODE_CHARS = 16;
    static final int MAX_RESERVATION_CHARS = 64;

    @Override
    public void write(Kryo kryo, Output out, Join join) {
        out.writeVarInt(join.protocolVersion(), true);
        out.writeString(join.game());
        out.writeString(join.roomId());
        out.writeString(join.name());
        out.writeVarInt(join.flags(), true);
        out.writeString(join.privateCode());
        out.writeString(join.reservation());
    }

    @Override
    public Join read(Kryo kryo, Input in, Class<? extends Join> type) {
        int version = in.readVarInt(true);
        if (version != ProtocolVersion.CURRENT) {
            in.setPosition(in.limit());
            return Join.ofVersion(version);
        }
        String game = StrictStrings.read(in, MAX_GAME_CHARS, "game");
        String roomId = StrictStrings.read(in, MAX_ROOM_ID_CHARS, "roomId");
        String name = StrictStrings.read(in, MAX_NAME_CHARS, "name");
        int flags = in.readVarInt(true);
        if ((flags & ~Join.KNOWN_FLAGS) != 0) {
            throw new ProtocolException(CloseReason.BAD_VALUE, "JOIN flags " + Integer.toUnsignedString(flags)
                    + " set bits this version does not define (known: " + Join.KNOWN_FLAGS + ")");
        }
        String code = StrictStrings.read(in, MAX_CODE_CHARS, "privateCode");
        String reservation = StrictStrings.read(in, MAX_RESERVATION_CHARS, "reservation");
        return new Join(version, game, roomId, name, flags, code, reservation);
    }
}
