package dev.arena.server.state;

import dev.arena.server.game.Sight;

import java.util.function.IntPredicate;

/**
 * The {@link Sight} a room's rule fills in for one client at a time: the
 * view as ascending entity indices into the captured state, or "everything".
 * One per room, reused for every client of every send tick, so a view costs
 * no allocation.
 */
final class ViewBuilder implements Sight {
    private final SpatialGrid grid;
    private final IntList indices = new IntList(64);
    private WorldState state;
    private boolean all;
    /** The last id looked up and its index: a rule asks for its viewer's fields several times. */
    private int lastId;
    private int lastIndex;

    ViewBuilder(SpatialGrid grid) {
        this.grid = grid;
    }

    void begin(WorldState state) {
        this.state = state;
        indices.clear();
        all = false;
        lastId = 0;
        lastIndex = -1;
    }

    /**
     * Ends the view of {@code viewer}, adding what every view holds (its own
     * entity, the grid's globals).
     *
     * @return the view's indices, ascending and distinct, or null for every entity
     */
    IntList finish(int viewer) {
        if (all) {
            return null;
        }
        IntList globals = grid.globals;
        for (int i = 0; i < globals.size; i++) {
            indices.add(globals.items[i]);
        }
        int own = viewer > 0 ? indexOf(viewer) : -1;
        if (own >= 0) {
            indices.add(own);
        }
        indices.sortDistinct();
        // A view that happens to hold everything is "everything": it can share the room's one frame.
        return indices.size == state.count ? null : indices;
    }

    @Override
    public void everything() {
        all = true;
    }

    @Override
    public void within(int x, int y, int radius) {
        within(x, y, radius, null);
    }

    @Override
    public void within(int x, int y, int radius, IntPredicate keep) {
        if (!grid.placing) {
            throw new IllegalStateException("Sight.within needs a grid: the game's Visibility.grid() returned null");
        }
        if (radius < 0) {
            throw new IllegalArgumentException("radius must be at least 0, got " + radius);
        }
        if (!all && grid.within(x, y, radius, keep, indices)) {
            // Every placed entity, and the rest (globals) every view holds anyway.
            all = true;
        }
    }

    @Override
    public void entity(int id) {
        int i = all ? -1 : indexOf(id);
        if (i >= 0) {
            indices.add(i);
        }
    }

    @Override
    public boolean exists(int id) {
        return indexOf(id) >= 0;
    }

    @Override
    public int field(int id, int field) {
        int i = indexOf(id);
        if (i < 0 || field < 0 || field >= state.fieldCountAt(i)) {
            throw new IllegalArgumentException(i < 0 ? "no entity " + id : "entity " + id + " has no field " + field);
        }
        return state.fieldAt(i, field);
    }

    private int indexOf(int id) {
        if (id != lastId || lastIndex < 0) {
            lastId = id;
            lastIndex = state.indexOf(id);
        }
        return lastIndex;
    }
}
