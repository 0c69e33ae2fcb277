package dev.arena.server.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/**
 * PROTOCOL.md "MESSAGE (tags 7 and 70)":
 * {@code [type] (varint) [length] (varint) [payload] (length bytes)}.
 */
final class GameMessageSerializer extends Serializer<GameMessage> {
    @Override
    public void write(Kryo kryo, Output out, GameMessage m) {
        out.writeVarInt(m.type(), true);
        out.writeVarInt(m.payload().length, true);
        out.writeBytes(m.payload());
    }

    @Override
    public GameMessage read(Kryo kryo, Input in, Class<? extends GameMessage> type) {
        int messageType = in.readVarInt(true);
        if (messageType < GameMessage.MIN_TYPE || messageType > GameMessage.MAX_TYPE) {
            throw new ProtocolException(CloseReason.BAD_VALUE, "MESSAGE type " + Integer.toUnsignedString(messageType)
                    + " is out of range " + GameMessage.MIN_TYPE + ".." + GameMessage.MAX_TYPE);
        }
        int length = in.readVarInt(true);
        if (length < 0) {
            throw new ProtocolException(CloseReason.BAD_LENGTH, "MESSAGE payload length "
                    + Integer.toUnsignedString(length) + " is not a length");
        }
        int left = in.limit() - in.position();
        if (length > left) {
            // A payload byte is one byte: a length past the end is a message cut short.
            throw new ProtocolException(CloseReason.TRUNCATED, "MESSAGE payload of " + length + " bytes ends after "
                    + left);
        }
        return new GameMessage(messageType, in.readBytes(length));
    }
}
