package dev.arena.server.room;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;

/**
 * Passes objects between verticles of one node without copying or
 * serializing them: the receiver gets the sender's instance. Only for
 * immutable messages (records) or ones that carry thread-safe handles.
 * Refuses to go on the wire, so a clustered send fails loudly instead of
 * losing data.
 */
public final class LocalCodec<T> implements MessageCodec<T, T> {
    private final String name;

    private LocalCodec(Class<T> type) {
        this.name = "local:" + type.getName();
    }

    /** Registers the codec as the default for {@code type}. */
    public static <T> void register(EventBus bus, Class<T> type) {
        bus.registerDefaultCodec(type, new LocalCodec<>(type));
    }

    @Override
    public void encodeToWire(Buffer buffer, T t) {
        throw new UnsupportedOperationException(name + " is node-local");
    }

    @Override
    public T decodeFromWire(int pos, Buffer buffer) {
        throw new UnsupportedOperationException(name + " is node-local");
    }

    @Override
    public T transform(T t) {
        return t;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public byte systemCodecID() {
        return -1;
    }
}
