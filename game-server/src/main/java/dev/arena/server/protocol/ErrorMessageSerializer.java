package dev.arena.server.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/** PROTOCOL.md "ERROR (tag 69)": {@code [code] (varint) [message] (string)}. */
final class ErrorMessageSerializer extends Serializer<ErrorMessage> {
    @Override
    public void write(Kryo kryo, Output out, ErrorMessage e) {
        out.writeVarInt(e.code(), true);
        out.writeString(e.message());
    }

    @Override
    public ErrorMessage read(Kryo kryo, Input in, Class<? extends ErrorMessage> type) {
        return new ErrorMessage(in.readVarInt(true), StrictStrings.read(in, "message"));
    }
}
