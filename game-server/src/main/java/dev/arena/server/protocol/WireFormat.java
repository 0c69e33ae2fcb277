package dev.arena.server.protocol;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/**
 * Layouts shared by more than one message (PROTOCOL.md, "Entities" and
 * "DELTA"), each one's write beside its read, and reads that guard against
 * hostile lengths (strings are read by {@link StrictStrings}). The writes have one caller, the room's SNAPSHOT/DELTA
 * writer ({@code dev.arena.server.state.SnapshotEncoder}); the reads are the
 * message serializers'.
 */
public final class WireFormat {
    /** Changed-entry header: low 3 bits of the mask, bit 3 = "mask continues", id gap above. */
    static final int HEADER_MASK_BITS = 3;
    static final int HEADER_EXTENDED = 1 << HEADER_MASK_BITS;
    static final int HEADER_ID_SHIFT = 4;

    private WireFormat() {
    }

    /** Writes an entity record: id, kind, label, field count, then each field as zigzag. */
    public static void writeEntity(Output out, int id, int kind, String label, int[] fields, int offset, int count) {
        out.writeVarInt(id, true);
        out.writeVarInt(kind, true);
        out.writeString(label);
        out.writeVarInt(count, true);
        for (int i = 0; i < count; i++) {
            out.writeVarInt(fields[offset + i], false);
        }
    }

    static EntityRecord readEntity(Input in) {
        int id = in.readVarInt(true);
        int kind = in.readVarInt(true);
        String label = StrictStrings.read(in, "label");
        int count = readCount(in, "entity fields");
        int[] fields = new int[count];
        for (int i = 0; i < count; i++) {
            fields[i] = in.readVarInt(false);
        }
        return new EntityRecord(id, kind, label, fields);
    }

    /** Writes the header of one changed entity of a DELTA; the diffs follow it. */
    public static void writeChangeHeader(Output out, int idGap, int mask) {
        int low = mask & (HEADER_EXTENDED - 1);
        boolean extended = mask >>> HEADER_MASK_BITS != 0;
        out.writeVarInt(idGap << HEADER_ID_SHIFT | low | (extended ? HEADER_EXTENDED : 0), true);
        if (extended) {
            out.writeVarInt(mask >>> HEADER_MASK_BITS, true);
        }
    }

    /**
     * Reads a count that sizes an allocation, refusing one larger than the
     * bytes left could hold (every counted item takes at least one byte).
     */
    static int readCount(Input in, String what) {
        int count = in.readVarInt(true);
        if (count < 0 || count > in.limit() - in.position()) {
            throw new ProtocolException(CloseReason.BAD_LENGTH, what + " count " + Integer.toUnsignedString(count)
                    + " exceeds the " + (in.limit() - in.position()) + " bytes left");
        }
        return count;
    }
}
