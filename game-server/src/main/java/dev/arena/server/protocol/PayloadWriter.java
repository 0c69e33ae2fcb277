package dev.arena.server.protocol;

import com.esotericsoftware.kryo.io.Output;

/**
 * Writes the payload of a game MESSAGE with the protocol's own primitives
 * (PROTOCOL.md, "Primitive types"), so a game's messages need no format of
 * their own and the browser SDK reads them with its {@code PayloadReader}.
 * Calls chain: {@code new PayloadWriter().varint(id).string(text).toBytes()}.
 * Not thread-safe; cheap to create.
 */
public final class PayloadWriter {
    private final Output out = new Output(32, FrameCodec.MAX_ENCODED_BYTES);

    /** An unsigned varint (negative values take 5 bytes). */
    public PayloadWriter varint(int value) {
        out.writeVarInt(value, true);
        return this;
    }

    /** A signed value as a zig-zag varint: small negative numbers stay small. */
    public PayloadWriter zigzag(int value) {
        out.writeVarInt(value, false);
        return this;
    }

    /** An IEEE-754 single, little-endian. */
    public PayloadWriter f32(float value) {
        out.writeFloat(value);
        return this;
    }

    /** One byte, 1 or 0. */
    public PayloadWriter bool(boolean value) {
        out.writeBoolean(value);
        return this;
    }

    /** A Kryo string (null allowed). */
    public PayloadWriter string(String value) {
        out.writeString(value);
        return this;
    }

    /** The bytes written so far, in a new array. */
    public byte[] toBytes() {
        return out.toBytes();
    }
}
