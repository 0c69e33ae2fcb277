package dev.arena.server.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/**
 * PROTOCOL.md "RESUME (tag 6)": {@code [protocolVersion] (varint) [token] (string)
 * [lastTick] (varint, the tick + 1; 0 = no state held)}.
 *
 * <p>The version comes first, as in JOIN, so that a client of any version is
 * told the versions differ rather than that its message is malformed: a
 * RESUME of another version is read no further (its other bytes are skipped).
 */
final class ResumeSerializer extends Serializer<Resume> {
    /** Tokens the server hands out are 32 chars; anything much longer is not one of them. */
    static final int MAX_TOKEN_CHARS = 64;

    @Override
    public void write(Kryo kryo, Output out, Resume resume) {
        out.writeVarInt(resume.protocolVersion(), true);
        out.writeString(resume.token());
        out.writeVarInt(resume.lastTick() + 1, true);
    }

    @Override
    public Resume read(Kryo kryo, Input in, Class<? extends Resume> type) {
        int version = in.readVarInt(true);
        if (version != ProtocolVersion.CURRENT) {
            in.setPosition(in.limit());
            return new Resume(version, null, -1);
        }
        String token = StrictStrings.read(in, MAX_TOKEN_CHARS, "token");
        // Ticks start at 1, so the shift keeps "none" in one byte; an absurd tick merely finds no baseline.
        int lastTick = in.readVarInt(true) - 1;
        return new Resume(version, token, lastTick);
    }
}
