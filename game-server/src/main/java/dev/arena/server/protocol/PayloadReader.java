package dev.arena.server.protocol;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;

/**
 * Reads the payload of a client's MESSAGE, the mirror of
 * {@link PayloadWriter}. Client bytes are hostile: every read checks what is
 * left, strings are bounded, and {@link #end()} refuses bytes left over. A
 * failed read throws {@link ProtocolException}; thrown out of
 * {@code Game.onMessage} it closes only the sender's connection (1002, counted
 * under its reason) and never stops the room.
 */
public final class PayloadReader {
    private final Input in;
    private final int length;

    public PayloadReader(byte[] payload) {
        this.in = new Input(payload);
        this.length = payload.length;
    }

    public int varint() {
        try {
            return in.readVarInt(true);
        } catch (KryoException e) {
            throw truncated("a varint");
        }
    }

    public int zigzag() {
        try {
            return in.readVarInt(false);
        } catch (KryoException e) {
            throw truncated("a zigzag");
        }
    }

    public float f32() {
        if (length - in.position() < 4) {
            throw truncated("an f32");
        }
        return in.readFloat();
    }

    /** A finite f32: NaN and infinities are refused as {@code bad_value}. */
    public float finiteF32() {
        float value = f32();
        if (!Float.isFinite(value)) {
            throw new ProtocolException(CloseReason.BAD_VALUE, "MESSAGE payload holds a non-finite number " + value);
        }
        return value;
    }

    public boolean bool() {
        if (in.position() >= length) {
            throw truncated("a bool");
        }
        int b = in.readByte();
        if (b != 0 && b != 1) {
            throw new ProtocolException(CloseReason.BAD_VALUE, "MESSAGE payload holds " + b + " where a bool (0 or 1) belongs");
        }
        return b == 1;
    }

    /**
     * A string of at most {@code maxChars} UTF-16 units, or null.
     *
     * @param field names the string in the error message
     */
    public String string(int maxChars, String field) {
        return StrictStrings.read(in, maxChars, field);
    }

    /** Bytes not read yet. */
    public int remaining() {
        return length - in.position();
    }

    /** Refuses bytes after the last field, as the protocol refuses them after a message's. */
    public void end() {
        if (remaining() != 0) {
            throw new ProtocolException(CloseReason.TRAILING_BYTES, "MESSAGE payload has " + remaining()
                    + " bytes after its end");
        }
    }

    private static ProtocolException truncated(String what) {
        return new ProtocolException(CloseReason.TRUNCATED, "MESSAGE payload ends inside " + what);
    }
}
