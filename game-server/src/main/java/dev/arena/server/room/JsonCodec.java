package dev.arena.server.room;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;

import java.util.function.Function;

/**
 * Carries an immutable control message (a record of plain data) between
 * nodes as JSON: the control plane's codec, unlike {@link LocalCodec}, which
 * refuses the wire. On one node the receiver gets the sender's instance, as
 * with {@link LocalCodec}: the types are immutable.
 */
public final class JsonCodec<T> implements MessageCodec<T, T> {
    private final String name;
    private final Function<T, JsonObject> toJson;
    private final Function<JsonObject, T> fromJson;

    private JsonCodec(Class<T> type, Function<T, JsonObject> toJson, Function<JsonObject, T> fromJson) {
        this.name = "json:" + type.getName();
        this.toJson = toJson;
        this.fromJson = fromJson;
    }

    /** Registers the codec as the default for {@code type}. */
    public static <T> void register(EventBus bus, Class<T> type, Function<T, JsonObject> toJson,
                                    Function<JsonObject, T> fromJson) {
        bus.registerDefaultCodec(type, new JsonCodec<>(type, toJson, fromJson));
    }

    @Override
    public void encodeToWire(Buffer buffer, T t) {
        Buffer json = toJson.apply(t).toBuffer();
        buffer.appendInt(json.length()).appendBuffer(json);
    }

    @Override
    public T decodeFromWire(int pos, Buffer buffer) {
        int length = buffer.getInt(pos);
        return fromJson.apply(new JsonObject(buffer.getBuffer(pos + 4, pos + 4 + length)));
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
