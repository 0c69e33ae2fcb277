package dev.arena.server.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/** PROTOCOL.md "LEAVE (tag 5)": no body. */
final class LeaveSerializer extends Serializer<Leave> {
    @Override
    public void write(Kryo kryo, Output out, Leave leave) {
    }

    @Override
    public Leave read(Kryo kryo, Input in, Class<? extends Leave> type) {
        return Leave.INSTANCE;
    }
}
