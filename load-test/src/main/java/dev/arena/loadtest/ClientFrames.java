package dev.arena.loadtest;

import com.esotericsoftware.kryo.io.Output;
import dev.arena.server.protocol.MessageTags;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * One bot's messages framed as a browser frames them: one final binary
 * WebSocket frame each, masked (RFC 6455, 5.3: a client masks every frame),
 * written straight into a pooled buffer for {@link BotSocket}. INPUT, twenty
 * a second, is written field by field with no message object or array in
 * between (PROTOCOL.md, "INPUT (tag 2)"; {@code ClientFramesTest} checks it
 * against the codec); the rest arrives already encoded by the codec.
 *
 * <p>The mask key is the bot's own, random and fixed: the server unmasks
 * every frame the same whatever the key, and nothing between a bot and the
 * server it measures is a proxy the key protects. Not thread-safe: one per
 * bot, on its event loop.
 */
final class ClientFrames {
    /** FIN set, opcode 2 (binary). */
    private static final int FIN_BINARY = 0x82;
    /** The mask bit of the second header byte. */
    private static final int MASKED = 0x80;

    private final int maskKey;
    private final Output input = new Output(32);
    private int lastLength;

    /** @param maskKey the bot's mask key (any value; 0 is replaced, so that masking is never a no-op) */
    ClientFrames(int maskKey) {
        this.maskKey = maskKey == 0 ? 0x5A5A5A5A : maskKey;
    }

    /** An INPUT frame: {@code [tag 2] [seq] (varint) [dx] (f32) [dy] (f32) [buttons] (varint)}. */
    ByteBuf input(ByteBufAllocator alloc, int seq, float dx, float dy, int buttons) {
        input.reset();
        input.writeByte(MessageTags.CLIENT_INPUT);
        input.writeVarInt(seq, true);
        input.writeFloat(dx);
        input.writeFloat(dy);
        input.writeVarInt(buttons, true);
        return frame(alloc, input.getBuffer(), input.position());
    }

    /** A frame of one message the codec encoded (tag and body). */
    ByteBuf message(ByteBufAllocator alloc, byte[] encoded) {
        return frame(alloc, encoded, encoded.length);
    }

    /** The message length (WebSocket payload bytes) of the last frame made. */
    int lastLength() {
        return lastLength;
    }

    private ByteBuf frame(ByteBufAllocator alloc, byte[] payload, int length) {
        lastLength = length;
        int header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
        ByteBuf frame = alloc.directBuffer(header + 4 + length);
        frame.writeByte(FIN_BINARY);
        if (length < 126) {
            frame.writeByte(MASKED | length);
        } else if (length <= 0xFFFF) {
            frame.writeByte(MASKED | 126);
            frame.writeShort(length);
        } else {
            frame.writeByte(MASKED | 127);
            frame.writeLong(length);
        }
        frame.writeInt(maskKey);
        int i = 0;
        for (; i + 4 <= length; i += 4) {
            int word = (payload[i] & 0xFF) << 24 | (payload[i + 1] & 0xFF) << 16 | (payload[i + 2] & 0xFF) << 8
                    | payload[i + 3] & 0xFF;
            frame.writeInt(word ^ maskKey);
        }
        for (; i < length; i++) {
            frame.writeByte(payload[i] ^ maskKey >>> (24 - 8 * (i & 3)));
        }
        return frame;
    }
}
