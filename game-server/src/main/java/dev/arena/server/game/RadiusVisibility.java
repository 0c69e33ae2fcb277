package dev.arena.server.game;

import java.util.Arrays;

/**
 * The built-in rule: a player sees the entities within a radius of its own
 * entity, plus the {@link #seenByAll} kinds. A client without an entity (a
 * spectator, viewer 0) sees everything; a player whose entity does not exist
 * at the moment (dead, waiting to respawn) sees only the seen-by-all kinds.
 * A game that wants more (team mates visible anywhere, stealth) implements
 * {@link Visibility} itself and calls this one's {@link #see} first. A
 * player's entity must have the grid's position fields (asking for a field
 * it lacks throws, which stops the room: a game bug, not a state to hide).
 */
public final class RadiusVisibility implements Visibility {
    private final int radius;
    private final ViewGrid grid;
    private final int[] seenByAllKinds;

    /**
     * @param radius         view radius in position units (the units of the grid's fields), at least 0
     * @param grid           where positions are and the cell size
     * @param seenByAllKinds kinds every player sees wherever they are
     */
    public RadiusVisibility(int radius, ViewGrid grid, int... seenByAllKinds) {
        if (radius < 0) {
            throw new IllegalArgumentException("radius must be at least 0, got " + radius);
        }
        this.radius = radius;
        this.grid = java.util.Objects.requireNonNull(grid, "grid");
        this.seenByAllKinds = seenByAllKinds.clone();
        Arrays.sort(this.seenByAllKinds);
    }

    public int radius() {
        return radius;
    }

    @Override
    public ViewGrid grid() {
        return grid;
    }

    @Override
    public boolean seenByAll(int kind) {
        // A handful of kinds at most: a scan beats a hash lookup with boxing.
        for (int k : seenByAllKinds) {
            if (k == kind) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void see(int viewer, Sight sight) {
        if (viewer == 0) {
            sight.everything();
        } else if (sight.exists(viewer)) {
            sight.within(sight.field(viewer, grid.xField()), sight.field(viewer, grid.yField()), radius);
        }
    }
}
