package dev.arena.server.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import java.util.ArrayList;
import java.util.List;

/**
 * PROTOCOL.md "SNAPSHOT (tag 65)": {@code [tick] (varint) [entityCount] (varint)
 * [entity record] x entityCount}. Read only, like {@link DeltaSerializer}.
 */
final class SnapshotSerializer extends Serializer<Snapshot> {
    @Override
    public void write(Kryo kryo, Output out, Snapshot s) {
        throw new UnsupportedOperationException("SNAPSHOT frames have one writer: the room's replication (state.SnapshotEncoder)");
    }

    @Override
    public Snapshot read(Kryo kryo, Input in, Class<? extends Snapshot> type) {
        int tick = in.readVarInt(true);
        int count = WireFormat.readCount(in, "entities");
        List<EntityRecord> entities = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entities.add(WireFormat.readEntity(in));
        }
        return new Snapshot(tick, entities);
    }
}
