package dev.arena.server.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/** PROTOCOL.md "JOIN (tag 1)": {@code [roomId] (string) [name] (string)}. */
final class JoinSerializer extends Serializer<Join> {
    /** Generous bounds on what we read; the session applies the real name rule. */
    static final int MAX_ROOM_ID_CHARS = 64;
    static final int MAX_NAME_CHARS = 64;

    @Override
    public void write(Kryo kryo, Output out, Join join) {
        out.writeString(join.roomId());
        out.writeString(join.name());
    }

    @Override
    public Join read(Kryo kryo, Input in, Class<? extends Join> type) {
        String roomId = StrictStrings.read(in, MAX_ROOM_ID_CHARS, "roomId");
        String name = StrictStrings.read(in, MAX_NAME_CHARS, "name");
        return new Join(roomId, name);
    }
}
