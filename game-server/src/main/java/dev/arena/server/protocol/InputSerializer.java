package dev.arena.server.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/**
 * PROTOCOL.md "INPUT (tag 2)":
 * {@code [seq] (varint) [dx] (f32) [dy] (f32) [buttons] (varint)}.
 */
final class InputSerializer extends Serializer<dev.arena.server.protocol.Input> {
    @Override
    public void write(Kryo kryo, Output out, dev.arena.server.protocol.Input input) {
        out.writeVarInt(input.seq(), true);
        out.writeFloat(input.dx());
        out.writeFloat(input.dy());
        out.writeVarInt(input.buttons(), true);
    }

    @Override
    public dev.arena.server.protocol.Input read(Kryo kryo, Input in, Class<? extends dev.arena.server.protocol.Input> type) {
        int seq = in.readVarInt(true);
        float dx = in.readFloat();
        float dy = in.readFloat();
        int buttons = in.readVarInt(true);
        if (!Float.isFinite(dx) || !Float.isFinite(dy)) {
            throw new ProtocolException(CloseReason.BAD_VALUE, "input direction is not finite: " + dx + ", " + dy);
        }
        return new dev.arena.server.protocol.Input(seq, dx, dy, buttons);
    }
}
