package dev.arena.server.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/**
 * PROTOCOL.md "WELCOME (tag 64)": {@code [playerId] (varint) [roomId] (string)
 * [tickHz] (varint) [sendHz] (varint) [serverTime] (varlong) [worldWidth] (varint)
 * [worldHeight] (varint) [positionScale] (varint)}.
 */
final class WelcomeSerializer extends Serializer<Welcome> {
    @Override
    public void write(Kryo kryo, Output out, Welcome w) {
        out.writeVarInt(w.playerId(), true);
        out.writeString(w.roomId());
        out.writeVarInt(w.tickHz(), true);
        out.writeVarInt(w.sendHz(), true);
        out.writeVarLong(w.serverTime(), true);
        out.writeVarInt(w.worldWidth(), true);
        out.writeVarInt(w.worldHeight(), true);
        out.writeVarInt(w.positionScale(), true);
    }

    @Override
    public Welcome read(Kryo kryo, Input in, Class<? extends Welcome> type) {
        return new Welcome(in.readVarInt(true), in.readString(), in.readVarInt(true), in.readVarInt(true),
                in.readVarLong(true), in.readVarInt(true), in.readVarInt(true), in.readVarInt(true));
    }
}
