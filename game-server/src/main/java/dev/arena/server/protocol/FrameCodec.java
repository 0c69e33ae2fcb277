package dev.arena.server.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.netty.buffer.ByteBuf;

import java.util.HashMap;
import java.util.Map;

/**
 * Turns messages into frames and back: one frame is {@code [tag] (u8)} and
 * the body written by that message's serializer (PROTOCOL.md).
 *
 * <p>Every message type, its tag in each direction and its Kryo registration
 * id are listed once, in {@link #FrameCodec()}. Registration is required and
 * references are off, so no class name or reference id ever reaches the wire.
 *
 * <p>Not thread-safe (it owns a Kryo instance and reusable buffers): use one
 * per event loop, verticle or bot thread.
 */
public final class FrameCodec {
    static {
        // Kryo uses sun.misc.Unsafe when it can, which Java 24+ warns about at start and a later Java will refuse.
        // Our serializers write explicit Output primitives and never need it. Kryo reads this property once,
        // when its first instance is made, so it is set before the first codec (server, bots and tests alike).
        if (System.getProperty("kryo.unsafe") == null) {
            System.setProperty("kryo.unsafe", "false");
        }
    }

    /** Upper bound of one encoded frame; a room's full snapshot must fit. */
    public static final int MAX_ENCODED_BYTES = 1 << 20;

    private final Kryo kryo = new Kryo();
    private final Class<?>[] clientTypes = new Class<?>[256];
    private final Class<?>[] serverTypes = new Class<?>[256];
    private final Map<Class<?>, Integer> clientTags = new HashMap<>();
    private final Map<Class<?>, Integer> serverTags = new HashMap<>();
    private final Output output = new Output(1024, MAX_ENCODED_BYTES);
    private final Input input = new Input();
    /** The bytes of the last inbound frame read from a Netty buffer: one array, reused, as big as the largest so far. */
    private byte[] inbound = new byte[256];

    public FrameCodec() {
        kryo.setRegistrationRequired(true);
        kryo.setReferences(false);
        // Kryo ids start at 100, clear of Kryo's own primitive registrations.
        client(MessageTags.CLIENT_JOIN, Join.class, new JoinSerializer(), 101);
        client(MessageTags.CLIENT_INPUT, dev.arena.server.protocol.Input.class, new InputSerializer(), 102);
        both(MessageTags.CLIENT_PING, MessageTags.SERVER_PING, Ping.class, new PingSerializer(), 103);
        both(MessageTags.CLIENT_PONG, MessageTags.SERVER_PONG, Pong.class, new PongSerializer(), 104);
        client(MessageTags.CLIENT_LEAVE, Leave.class, new LeaveSerializer(), 105);
        client(MessageTags.CLIENT_RESUME, Resume.class, new ResumeSerializer(), 106);
        // One class both ways, like PING and PONG: the layout is the same. (Kryo id 170 stays unused.)
        both(MessageTags.CLIENT_MESSAGE, MessageTags.SERVER_MESSAGE, GameMessage.class, new GameMessageSerializer(), 107);
        server(MessageTags.SERVER_WELCOME, Welcome.class, new WelcomeSerializer(), 164);
        server(MessageTags.SERVER_SNAPSHOT, Snapshot.class, new SnapshotSerializer(), 165);
        server(MessageTags.SERVER_DELTA, Delta.class, new DeltaSerializer(), 166);
        server(MessageTags.SERVER_ERROR, ErrorMessage.class, new ErrorMessageSerializer(), 169);
        server(MessageTags.SERVER_REDIRECT, Redirect.class, new RedirectSerializer(), 171);
        server(MessageTags.SERVER_NOTICE, Notice.class, new NoticeSerializer(), 172);
    }

    private <T> void client(int tag, Class<T> type, Serializer<T> serializer, int kryoId) {
        kryo.register(type, serializer, kryoId);
        clientTypes[tag] = type;
        clientTags.put(type, tag);
    }

    private <T> void server(int tag, Class<T> type, Serializer<T> serializer, int kryoId) {
        kryo.register(type, serializer, kryoId);
        serverTypes[tag] = type;
        serverTags.put(type, tag);
    }

    private <T> void both(int clientTag, int serverTag, Class<T> type, Serializer<T> serializer, int kryoId) {
        client(clientTag, type, serializer, kryoId);
        serverTypes[serverTag] = type;
        serverTags.put(type, serverTag);
    }

    /**
     * Encodes a message the server sends. The array is the caller's. Not
     * SNAPSHOT or DELTA: those have one writer, the room's replication
     * ({@code dev.arena.server.state.SnapshotEncoder}), and throw
     * {@link UnsupportedOperationException} here.
     */
    public byte[] encode(ServerMessage message) {
        return encode(serverTags.get(message.getClass()), message);
    }

    /** Encodes a message a client sends. The array is the caller's. */
    public byte[] encode(ClientMessage message) {
        return encode(clientTags.get(message.getClass()), message);
    }

    private byte[] encode(int tag, Object message) {
        output.reset();
        output.writeByte(tag);
        kryo.writeObject(output, message);
        return output.toBytes();
    }

    /**
     * Decodes a frame a client sent.
     *
     * @throws ProtocolException for an empty, unknown, truncated or malformed
     *                           frame, or one with bytes left over
     */
    public ClientMessage decodeClient(byte[] frame) {
        return (ClientMessage) decode(frame, frame.length, clientTypes);
    }

    /**
     * Decodes a frame a client sent, as {@link #decodeClient(byte[])}, from
     * the readable bytes of a (pooled, possibly direct) Netty buffer, which
     * stays the caller's: they are copied into an array this codec reuses,
     * so a frame costs no allocation but its message. The caller bounds the
     * frame's size (the array grows to the largest frame read).
     */
    public ClientMessage decodeClient(ByteBuf frame) {
        int length = copyIn(frame);
        return (ClientMessage) decode(inbound, length, clientTypes);
    }

    /**
     * Decodes {@code frame} into {@code into} if it is an INPUT, with the
     * checks of {@link #decodeClient(ByteBuf)} but no message object: the
     * read path of the one message clients send twenty times a second.
     *
     * @return false, reading nothing, when the frame is not an INPUT (or empty): decode it with {@link #decodeClient}
     * @throws ProtocolException for a truncated or malformed INPUT, or one with bytes left over
     */
    public boolean decodeInput(ByteBuf frame, InputFields into) {
        if (!frame.isReadable() || frame.getUnsignedByte(frame.readerIndex()) != MessageTags.CLIENT_INPUT) {
            return false;
        }
        int length = copyIn(frame);
        input.setBuffer(inbound, 1, length - 1);
        try {
            InputSerializer.read(input, into);
        } catch (KryoException e) {
            throw failed(e, "Input");
        }
        checkConsumed(length, "Input");
        return true;
    }

    /** Copies the frame's readable bytes into {@link #inbound}; returns their count. */
    private int copyIn(ByteBuf frame) {
        int length = frame.readableBytes();
        if (inbound.length < length) {
            inbound = new byte[Math.max(length, inbound.length * 2)];
        }
        frame.getBytes(frame.readerIndex(), inbound, 0, length);
        return length;
    }

    /** Decodes a frame the server sent; throws {@link ProtocolException} as {@link #decodeClient}. */
    public ServerMessage decodeServer(byte[] frame) {
        return (ServerMessage) decode(frame, frame.length, serverTypes);
    }

    /** Decodes the first {@code length} bytes of {@code frame}. */
    private Object decode(byte[] frame, int length, Class<?>[] types) {
        if (length == 0) {
            throw new ProtocolException(CloseReason.EMPTY, "empty message");
        }
        int tag = frame[0] & 0xFF;
        Class<?> type = types[tag];
        if (type == null) {
            throw new ProtocolException(CloseReason.UNKNOWN_TAG, "unknown message tag " + tag);
        }
        input.setBuffer(frame, 1, length - 1);
        Object message;
        try {
            message = kryo.readObject(input, type);
        } catch (KryoException e) {
            throw failed(e, type.getSimpleName());
        }
        checkConsumed(length, type.getSimpleName());
        return message;
    }

    private static ProtocolException failed(KryoException e, String type) {
        boolean truncated = endsEarly(e);
        return new ProtocolException(truncated ? CloseReason.TRUNCATED : CloseReason.MALFORMED,
                type + " is " + (truncated ? "truncated" : "malformed") + ": " + e.getMessage());
    }

    private void checkConsumed(int length, String type) {
        if (input.position() != length) {
            throw new ProtocolException(CloseReason.TRAILING_BYTES, type + " has "
                    + (length - input.position()) + " bytes after its end");
        }
    }

    /**
     * Whether Kryo failed for want of bytes. Its {@code Input} says "Buffer
     * underflow" when the frame ends inside a field, and "Buffer too small"
     * when the whole frame is shorter than one fixed-width field (a float in
     * a 3-byte frame): both are a frame cut short.
     */
    private static boolean endsEarly(KryoException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("Buffer underflow") || message.contains("Buffer too small");
    }
}
