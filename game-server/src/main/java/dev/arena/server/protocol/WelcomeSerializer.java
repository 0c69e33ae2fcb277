package dev.arena.server.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PROTOCOL.md "WELCOME (tag 64)": {@code [protocolVersion] (varint) [playerId] (varint)
 * [roomId] (string) [game] (string) [flags] (varint) [privateCode] (string)
 * [tickHz] (varint) [sendHz] (varint) [serverTime] (varlong) [worldWidth] (varint)
 * [worldHeight] (varint) [positionScale] (varint) [paramCount] (varint)
 * ([name] (string) [value] (f32)) x paramCount [reconnectGraceMillis] (varint)
 * [resumeToken] (string)}. The resume token stays the last field.
 */
final class WelcomeSerializer extends Serializer<Welcome> {
    @Override
    public void write(Kryo kryo, Output out, Welcome w) {
        out.writeVarInt(w.protocolVersion(), true);
        out.writeVarInt(w.playerId(), true);
        out.writeString(w.roomId());
        out.writeString(w.game());
        out.writeVarInt(w.flags(), true);
        out.writeString(w.privateCode());
        out.writeVarInt(w.tickHz(), true);
        out.writeVarInt(w.sendHz(), true);
        out.writeVarLong(w.serverTime(), true);
        out.writeVarInt(w.worldWidth(), true);
        out.writeVarInt(w.worldHeight(), true);
        out.writeVarInt(w.positionScale(), true);
        out.writeVarInt(w.params().size(), true);
        for (Map.Entry<String, Float> p : w.params().entrySet()) {
            out.writeString(p.getKey());
            out.writeFloat(p.getValue());
        }
        out.writeVarInt(w.reconnectGraceMillis(), true);
        out.writeString(w.resumeToken());
    }

    @Override
    public Welcome read(Kryo kryo, Input in, Class<? extends Welcome> type) {
        int version = in.readVarInt(true);
        int playerId = in.readVarInt(true);
        String roomId = StrictStrings.read(in, "roomId");
        String game = StrictStrings.read(in, "game");
        int flags = in.readVarInt(true);
        String privateCode = StrictStrings.read(in, "privateCode");
        int tickHz = in.readVarInt(true);
        int sendHz = in.readVarInt(true);
        long serverTime = in.readVarLong(true);
        int worldWidth = in.readVarInt(true);
        int worldHeight = in.readVarInt(true);
        int positionScale = in.readVarInt(true);
        int count = WireFormat.readCount(in, "params");
        Map<String, Float> params = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            params.put(StrictStrings.read(in, "param name"), in.readFloat());
        }
        int reconnectGraceMillis = in.readVarInt(true);
        String resumeToken = StrictStrings.read(in, "resumeToken");
        return new Welcome(version, playerId, roomId, game, flags, privateCode, tickHz, sendHz, serverTime,
                worldWidth, worldHeight, positionScale, params, reconnectGraceMillis, resumeToken);
    }
}
