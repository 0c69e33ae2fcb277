package dev.arena.server.state;

import com.esotericsoftware.kryo.io.Output;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;

/**
 * One server message (PROTOCOL.md: tag and body) already framed as one
 * final, unmasked WebSocket binary frame (RFC 6455, 5.2): header and payload
 * in one buffer, made once and written as is to every socket that gets it.
 * A DELTA shared by the twenty clients of a room is encoded and framed once
 * per send tick; each socket writes a duplicate of it, with no WebSocket
 * encoding, copying or allocation per client.
 *
 * <p>Its buffer is reference-counted. The per-tick frames of a room's
 * replication come from the pooled allocator and are released by the
 * replication once the next send tick starts ({@link Replication#nextFrame}),
 * so a socket that writes one later must take its own reference:
 * {@link #retainedFrame()}. The other frames (WELCOME, game MESSAGEs, PINGs)
 * are few and live on the heap, where the garbage collector frees them.
 *
 * <p>Never changed once made; any thread may read it.
 */
public final class WireFrame {
    /** FIN set, opcode 2 (binary). */
    private static final int FIN_BINARY = 0x82;
    /** The largest header: 2 bytes, then a 64-bit length. */
    static final int MAX_HEADER_BYTES = 10;

    private final ByteBuf framed;
    private final int headerLength;

    private WireFrame(ByteBuf framed, int headerLength) {
        this.framed = framed;
        this.headerLength = headerLength;
    }

    /** A frame on the heap holding {@code payload}: for the few frames that are not the room's per-tick updates. */
    public static WireFrame of(byte[] payload) {
        int header = headerLength(payload.length);
        ByteBuf buf = Unpooled.buffer(header + payload.length);
        writeHeader(buf, payload.length);
        buf.writeBytes(payload);
        return new WireFrame(buf, header);
    }

    /**
     * A frame holding the bytes written to {@code payload}, in a pooled direct
     * buffer of {@code allocator}: the caller holds its one reference and
     * must {@link #release} it.
     */
    static WireFrame pooled(ByteBufAllocator allocator, Output payload) {
        int length = payload.position();
        int header = headerLength(length);
        ByteBuf buf = allocator.directBuffer(header + length);
        writeHeader(buf, length);
        buf.writeBytes(payload.getBuffer(), 0, length);
        return new WireFrame(buf, header);
    }

    /** Bytes of the header for a payload of {@code length} bytes. */
    static int headerLength(int length) {
        return length < 126 ? 2 : length <= 0xFFFF ? 4 : MAX_HEADER_BYTES;
    }

    private static void writeHeader(ByteBuf buf, int length) {
        buf.writeByte(FIN_BINARY);
        if (length < 126) {
            buf.writeByte(length);
        } else if (length <= 0xFFFF) {
            buf.writeByte(126);
            buf.writeShort(length);
        } else {
            buf.writeByte(127);
            buf.writeLong(length);
        }
    }

    /** The message's length: what the client's WebSocket hands its codec. */
    public int length() {
        return framed.readableBytes() - headerLength;
    }

    /** The message (tag and body) as a new array: for tests and tools, never the hot path. */
    public byte[] payload() {
        byte[] bytes = new byte[length()];
        framed.getBytes(framed.readerIndex() + headerLength, bytes);
        return bytes;
    }

    /** The whole frame, header included, as a new array: what a socket sends. */
    public byte[] bytes() {
        byte[] bytes = new byte[framed.readableBytes()];
        framed.getBytes(framed.readerIndex(), bytes);
        return bytes;
    }

    /**
     * The frame's bytes for one socket to write: a view with its own
     * indices and one more reference to the shared memory, which the socket
     * releases once written (Netty does). The payload is not copied; the
     * view is a small new object per socket and send, which dies young. (A
     * pooled allocator's views are recycled instead, which measured worse
     * under G1: {@code SharedFrames}.)
     */
    public ByteBuf retainedFrame() {
        return framed.retainedDuplicate();
    }

    /** Lets go of the maker's reference; the memory returns to its pool once every socket has written its view. */
    void release() {
        framed.release();
    }
}
