package dev.arena.server.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/** PROTOCOL.md "PING": {@code [time] (varlong)}, both directions. */
final class PingSerializer extends Serializer<Ping> {
    @Override
    public void write(Kryo kryo, Output out, Ping ping) {
        out.writeVarLong(ping.time(), true);
    }

    @Override
    public Ping read(Kryo kryo, Input in, Class<? extends Ping> type) {
        return new Ping(in.readVarLong(true));
    }
}
