package dev.arena.server.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/** PROTOCOL.md "NOTICE (tag 72)": {@code [text] (string)}. */
final class NoticeSerializer extends Serializer<Notice> {
    @Override
    public void write(Kryo kryo, Output out, Notice n) {
        out.writeString(n.text());
    }

    @Override
    public Notice read(Kryo kryo, Input in, Class<? extends Notice> type) {
        return new Notice(StrictStrings.read(in, Notice.MAX_CHARS, "text"));
    }
}
