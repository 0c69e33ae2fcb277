package dev.arena.server.protocol;

import com.esotericsoftware.kryo.io.Output;
import dev.arena.server.state.SnapshotEncoder;
import dev.arena.server.state.WorldState;
import dev.arena.server.state.WorldStates;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Encodes a golden vector's message with the code that writes it on the
 * wire: SNAPSHOT and DELTA with the room's one writer
 * ({@link SnapshotEncoder}), from states built to give exactly the vector's
 * fields; every other message with {@link FrameCodec}.
 */
final class ProductionEncoding {
    private ProductionEncoding() {
    }

    /** @param name the vector's message name: PING and PONG go both ways, under different tags */
    static byte[] encode(FrameCodec codec, String name, Object message) {
        Output out = new Output(1024, FrameCodec.MAX_ENCODED_BYTES);
        if (message instanceof Snapshot s) {
            new SnapshotEncoder().writeSnapshot(out, WorldStates.of(s.tick(), s.entities()));
            return out.toBytes();
        }
        if (message instanceof Delta d) {
            new SnapshotEncoder().writeDelta(out, WorldStates.of(d.baselineTick(), baselineOf(d)),
                    WorldStates.of(d.tick(), targetOf(d)));
            return out.toBytes();
        }
        return name.startsWith("CLIENT_") ? codec.encode((ClientMessage) message) : codec.encode((ServerMessage) message);
    }

    /**
     * A baseline the delta applies to: its removed entities, and its changed
     * ones with zero fields up to the highest changed field. Kinds and labels
     * of these are not on the wire.
     */
    private static List<EntityRecord> baselineOf(Delta d) {
        List<EntityRecord> out = new ArrayList<>();
        for (int id : d.removed()) {
            out.add(new EntityRecord(id, 0, null, new int[0]));
        }
        for (EntityChange c : d.changed()) {
            out.add(new EntityRecord(c.id(), 0, null, new int[fieldCount(c)]));
        }
        return out;
    }

    /** The baseline with the delta applied: its spawns, and its changed entities holding their diffs. */
    private static List<EntityRecord> targetOf(Delta d) {
        Set<Integer> ids = new HashSet<>();
        for (int id : d.removed()) {
            ids.add(id);
        }
        List<EntityRecord> out = new ArrayList<>(d.spawns());
        for (EntityRecord e : d.spawns()) {
            require(ids.add(e.id()), d, "entity " + e.id() + " is listed twice");
        }
        for (EntityChange c : d.changed()) {
            require(ids.add(c.id()), d, "entity " + c.id() + " is listed twice");
            require(c.mask() != 0, d, "entity " + c.id() + " is listed as changed with no changed field");
            int[] fields = new int[fieldCount(c)];
            int i = 0;
            for (int rest = c.mask(); rest != 0; rest &= rest - 1) {
                require(i < c.diffs().length && c.diffs()[i] != 0, d, "entity " + c.id() + " needs one non-zero diff per mask bit");
                fields[Integer.numberOfTrailingZeros(rest)] = c.diffs()[i++];
            }
            require(i == c.diffs().length, d, "entity " + c.id() + " has more diffs than mask bits");
            out.add(new EntityRecord(c.id(), 0, null, fields));
        }
        return out;
    }

    private static int fieldCount(EntityChange c) {
        return 32 - Integer.numberOfLeadingZeros(c.mask());
    }

    /** A vector the server could never send would pin nothing: refuse it. */
    private static void require(boolean ok, Delta d, String problem) {
        if (!ok) {
            throw new IllegalArgumentException("no pair of states gives " + d + ": " + problem);
        }
    }
}
