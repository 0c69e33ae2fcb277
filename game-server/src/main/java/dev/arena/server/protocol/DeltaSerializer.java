package dev.arena.server.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import java.util.ArrayList;
import java.util.List;

/**
 * PROTOCOL.md "DELTA (tag 66)": tick, baseline gap, removed ids as gaps,
 * spawned entity records, then changed entities as header + diffs. Read
 * only: the one writer of this layout is the room's replication
 * ({@code dev.arena.server.state.SnapshotEncoder}), which the golden vectors
 * check; bots, tests and the vectors decode with this.
 */
final class DeltaSerializer extends Serializer<Delta> {
    @Override
    public void write(Kryo kryo, Output out, Delta d) {
        throw new UnsupportedOperationException("DELTA frames have one writer: the room's replication (state.SnapshotEncoder)");
    }

    @Override
    public Delta read(Kryo kryo, Input in, Class<? extends Delta> type) {
        int tick = in.readVarInt(true);
        int baselineTick = tick - in.readVarInt(true);
        int[] removed = new int[WireFormat.readCount(in, "removed")];
        int previous = 0;
        for (int i = 0; i < removed.length; i++) {
            previous += in.readVarInt(true);
            removed[i] = previous;
        }
        int spawnCount = WireFormat.readCount(in, "spawns");
        List<EntityRecord> spawns = new ArrayList<>(spawnCount);
        for (int i = 0; i < spawnCount; i++) {
            spawns.add(WireFormat.readEntity(in));
        }
        int changedCount = WireFormat.readCount(in, "changed");
        List<EntityChange> changed = new ArrayList<>(changedCount);
        previous = 0;
        for (int i = 0; i < changedCount; i++) {
            int header = in.readVarInt(true);
            int mask = header & (WireFormat.HEADER_EXTENDED - 1);
            if ((header & WireFormat.HEADER_EXTENDED) != 0) {
                mask |= in.readVarInt(true) << WireFormat.HEADER_MASK_BITS;
            }
            previous += header >>> WireFormat.HEADER_ID_SHIFT;
            int[] diffs = new int[Integer.bitCount(mask)];
            for (int j = 0; j < diffs.length; j++) {
                diffs[j] = in.readVarInt(false);
            }
            changed.add(new EntityChange(previous, mask, diffs));
        }
        return new Delta(tick, baselineTick, removed, spawns, changed);
    }
}
