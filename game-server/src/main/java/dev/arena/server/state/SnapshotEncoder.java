package dev.arena.server.state;

import com.esotericsoftware.kryo.io.Output;
import dev.arena.server.protocol.MessageTags;
import dev.arena.server.protocol.WireFormat;

/**
 * The one writer of SNAPSHOT and DELTA frames (PROTOCOL.md): straight from
 * {@link WorldState}s, without building message objects, since this runs once
 * per room and baseline on every send tick. The golden vectors are generated
 * from it and checked against it; the protocol package only reads these
 * messages. Shared layouts come from {@link WireFormat}, beside their reads.
 * Holds scratch arrays, so one instance per room.
 */
public final class SnapshotEncoder {
    private int[] removed = new int[16];
    private int[] spawned = new int[16];
    private int[] changedBase = new int[64];
    private int[] changedTarget = new int[64];
    private int[] changedMask = new int[64];

    /** Writes a whole SNAPSHOT frame (tag included) of {@code state}. */
    public void writeSnapshot(Output out, WorldState state) {
        out.writeByte(MessageTags.SERVER_SNAPSHOT);
        out.writeVarInt(state.tick, true);
        out.writeVarInt(state.count, true);
        for (int i = 0; i < state.count; i++) {
            writeEntity(out, state, i);
        }
    }

    /** Writes a whole DELTA frame (tag included) that turns {@code base} into {@code target}. */
    public void writeDelta(Output out, WorldState base, WorldState target) {
        ensureCapacity(base.count + target.count);
        int removedCount = 0;
        int spawnedCount = 0;
        int changedCount = 0;
        int b = 0;
        int t = 0;
        while (b < base.count || t < target.count) {
            int baseId = b < base.count ? base.ids[b] : Integer.MAX_VALUE;
            int targetId = t < target.count ? target.ids[t] : Integer.MAX_VALUE;
            if (baseId < targetId) {
                removed[removedCount++] = baseId;
                b++;
            } else if (targetId < baseId) {
                spawned[spawnedCount++] = t;
                t++;
            } else {
                int mask = changeMask(base, b, target, t);
                if (mask != 0) {
                    changedBase[changedCount] = b;
                    changedTarget[changedCount] = t;
                    changedMask[changedCount++] = mask;
                }
                b++;
                t++;
            }
        }

        out.writeByte(MessageTags.SERVER_DELTA);
        out.writeVarInt(target.tick, true);
        out.writeVarInt(target.tick - base.tick, true);
        out.writeVarInt(removedCount, true);
        int previous = 0;
        for (int i = 0; i < removedCount; i++) {
            out.writeVarInt(removed[i] - previous, true);
            previous = removed[i];
        }
        out.writeVarInt(spawnedCount, true);
        for (int i = 0; i < spawnedCount; i++) {
            writeEntity(out, target, spawned[i]);
        }
        out.writeVarInt(changedCount, true);
        previous = 0;
        for (int i = 0; i < changedCount; i++) {
            int ti = changedTarget[i];
            int id = target.ids[ti];
            int mask = changedMask[i];
            WireFormat.writeChangeHeader(out, id - previous, mask);
            int baseStart = base.fieldStart[changedBase[i]];
            int targetStart = target.fieldStart[ti];
            for (int rest = mask; rest != 0; rest &= rest - 1) {
                int field = Integer.numberOfTrailingZeros(rest);
                out.writeVarInt(target.fields[targetStart + field] - base.fields[baseStart + field], false);
            }
            previous = id;
        }
    }

    private static int changeMask(WorldState base, int b, WorldState target, int t) {
        int baseStart = base.fieldStart[b];
        int targetStart = target.fieldStart[t];
        int n = target.fieldStart[t + 1] - targetStart;
        int mask = 0;
        for (int f = 0; f < n; f++) {
            if (base.fields[baseStart + f] != target.fields[targetStart + f]) {
                mask |= 1 << f;
            }
        }
        return mask;
    }

    private static void writeEntity(Output out, WorldState state, int i) {
        int start = state.fieldStart[i];
        WireFormat.writeEntity(out, state.ids[i], state.kinds[i], state.labels[i], state.fields, start,
                state.fieldStart[i + 1] - start);
    }

    private void ensureCapacity(int n) {
        if (removed.length < n) {
            removed = new int[n];
            spawned = new int[n];
            changedBase = new int[n];
            changedTarget = new int[n];
            changedMask = new int[n];
        }
    }
}
