package dev.arena.server.state;

import com.esotericsoftware.kryo.io.Output;
import dev.arena.server.protocol.MessageTags;
import dev.arena.server.protocol.WireFormat;

/**
 * The one writer of SNAPSHOT and DELTA frames (PROTOCOL.md): straight from
 * {@link WorldState}s, without building message objects, since this runs once
 * per room and baseline on every send tick (and once per client whose view
 * is not the whole room). The golden vectors are generated from it and
 * checked against it; the protocol package only reads these messages. Shared
 * layouts come from {@link WireFormat}, beside their reads.
 *
 * <p>A view (PROTOCOL.md, "Views") restricts a state to some of its
 * entities, given as ascending indices into it; a frame between views is
 * exactly the frame between the two states cut down to their views, so a
 * client can never tell a hidden entity from one that does not exist.
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
        writeSnapshot(out, state, null, state.count);
    }

    /** Writes a SNAPSHOT of the first {@code size} entities of {@code view} (every entity when null). */
    void writeSnapshot(Output out, WorldState state, int[] view, int size) {
        out.writeByte(MessageTags.SERVER_SNAPSHOT);
        out.writeVarInt(state.tick, true);
        out.writeVarInt(size, true);
        for (int k = 0; k < size; k++) {
            writeEntity(out, state, view == null ? k : view[k]);
        }
    }

    /** Writes a whole DELTA frame (tag included) that turns {@code base} into {@code target}. */
    public void writeDelta(Output out, WorldState base, WorldState target) {
        writeDelta(out, base, null, base.count, target, null, target.count, null);
    }

    /**
     * Writes the DELTA from {@code base} seen through {@code baseView} to
     * {@code target} seen through {@code targetView} (null: every entity):
     * an entity only in the target view is a spawn, whole (new, or entering
     * the view), one only in the base view a removal (gone, or leaving).
     *
     * @param shared the changes from {@code base} to {@code target}, encoded
     *               once for every client, or null to compute them here
     */
    void writeDelta(Output out, WorldState base, int[] baseView, int baseSize, WorldState target, int[] targetView,
                    int targetSize, ChangeEntries shared) {
        ensureCapacity(baseSize + targetSize);
        int removedCount = 0;
        int spawnedCount = 0;
        int changedCount = 0;
        int b = 0;
        int t = 0;
        while (b < baseSize || t < targetSize) {
            int bi = b < baseSize ? (baseView == null ? b : baseView[b]) : -1;
            int ti = t < targetSize ? (targetView == null ? t : targetView[t]) : -1;
            int baseId = bi >= 0 ? base.ids[bi] : Integer.MAX_VALUE;
            int targetId = ti >= 0 ? target.ids[ti] : Integer.MAX_VALUE;
            if (baseId < targetId) {
                removed[removedCount++] = baseId;
                b++;
            } else if (targetId < baseId) {
                spawned[spawnedCount++] = ti;
                t++;
            } else {
                int mask = shared != null ? shared.mask(ti) : changeMask(base, bi, target, ti);
                if (mask != 0) {
                    changedBase[changedCount] = bi;
                    changedTarget[changedCount] = ti;
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
            if (shared != null) {
                shared.copyDiffs(out, ti);
            } else {
                writeDiffs(out, base, changedBase[i], target, ti, mask);
            }
            previous = id;
        }
    }

    /** Bit f set when field f of entity b of base and entity t of target differ. */
    static int changeMask(WorldState base, int b, WorldState target, int t) {
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

    /** The diffs of a changed entity, one zigzag per set bit of mask, lowest first (PROTOCOL.md, "DELTA"). */
    static void writeDiffs(Output out, WorldState base, int b, WorldState target, int t, int mask) {
        int baseStart = base.fieldStart[b];
        int targetStart = target.fieldStart[t];
        for (int rest = mask; rest != 0; rest &= rest - 1) {
            int field = Integer.numberOfTrailingZeros(rest);
            out.writeVarInt(target.fields[targetStart + field] - base.fields[baseStart + field], false);
        }
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
