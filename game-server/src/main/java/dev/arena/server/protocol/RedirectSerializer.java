package dev.arena.server.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/** PROTOCOL.md "REDIRECT (tag 71)": {@code [url] (string) [roomId] (string) [reservation] (string)}. */
final class RedirectSerializer extends Serializer<Redirect> {
    @Override
    public void write(Kryo kryo, Output out, Redirect redirect) {
        out.writeString(redirect.url());
        out.writeString(redirect.roomId());
        out.writeString(redirect.reservation());
    }

    @Override
    public Redirect read(Kryo kryo, Input in, Class<? extends Redirect> type) {
        return new Redirect(StrictStrings.read(in, "url"), StrictStrings.read(in, "roomId"),
                StrictStrings.read(in, "reservation"));
    }
}
