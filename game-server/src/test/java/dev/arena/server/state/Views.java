package dev.arena.server.state;

import dev.arena.server.protocol.EntityRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * What a client under a radius rule must hold, worked out the slow and
 * obvious way from a server state, independently of the grid: every entity
 * whose position (fields 0 and 1) is within the radius of the viewer's, the
 * viewer itself, and every entity of a seen-by-all kind or without a
 * position.
 */
public final class Views {
    private Views() {
    }

    /** @param viewer the client's entity; 0 (a spectator) sees everything */
    public static List<EntityRecord> radius(WorldState state, int viewer, int radius, IntPredicate seenByAllKind) {
        return radius(ReplicatedWorld.recordsOf(state), viewer, radius, seenByAllKind);
    }

    /** The same, from the state's records ({@link ReplicatedWorld#recordsOf}), to share them between clients. */
    public static List<EntityRecord> radius(List<EntityRecord> all, int viewer, int radius, IntPredicate seenByAllKind) {
        if (viewer == 0) {
            return all;
        }
        EntityRecord me = all.stream().filter(e -> e.id() == viewer).findFirst().orElse(null);
        List<EntityRecord> out = new ArrayList<>();
        for (EntityRecord e : all) {
            boolean global = seenByAllKind.test(e.kind()) || e.fields().length < 2;
            if (e == me || global || (me != null && within(me, e, radius))) {
                out.add(e);
            }
        }
        return out;
    }

    private static boolean within(EntityRecord a, EntityRecord b, int radius) {
        double dx = (double) a.fields()[0] - b.fields()[0];
        double dy = (double) a.fields()[1] - b.fields()[1];
        return dx * dx + dy * dy <= (double) radius * radius;
    }
}
