package dev.arena.server.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/** PROTOCOL.md "PONG": {@code [time] (varlong)}, the PING's time echoed, both directions. */
final class PongSerializer extends Serializer<Pong> {
    @Override
    public void write(Kryo kryo, Output out, Pong pong) {
        out.writeVarLong(pong.time(), true);
    }

    @Override
    public Pong read(Kryo kryo, Input in, Class<? extends Pong> type) {
        return new Pong(in.readVarLong(true));
    }
}
