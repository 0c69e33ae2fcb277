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
    /** Like the codec that owns this serializer, one thread at a time. */
    private final InputFields scratch = new InputFields();

    @Override
    public void write(Kryo kryo, Output out, dev.arena.server.protocol.Input input) {
        out.writeVarInt(input.seq(), true);
        out.writeFloat(input.dx());
        out.writeFloat(input.dy());
        out.writeVarInt(input.buttons(), true);
    }

    @Override
    public dev.arena.server.protocol.Input read(Kryo kryo, Input in, Class<? extends dev.arena.server.protocol.Input> type) {
        read(in, scratch);
        return new dev.arena.server.protocol.Input(scratch.seq(), scratch.dx(), scratch.dy(), scratch.buttons());
    }

    /** Reads an INPUT's body into {@code into}: the one reading of it, with or without a message object. */
    static void read(Input in, InputFields into) {
        int seq = in.readVarInt(true);
        float dx = in.readFloat();
        float dy = in.readFloat();
        int buttons = in.readVarInt(true);
        if (!Float.isFinite(dx) || !Float.isFinite(dy)) {
            throw new ProtocolException(CloseReason.BAD_VALUE, "input direction is not finite: " + dx + ", " + dy);
        }
        into.set(seq, dx, dy, buttons);
    }
}
