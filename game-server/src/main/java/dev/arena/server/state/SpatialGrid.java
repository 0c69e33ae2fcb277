package dev.arena.server.state;

import dev.arena.server.game.ViewGrid;
import dev.arena.server.game.Visibility;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The entities of one captured state on the game's {@link ViewGrid}: rebuilt
 * on every send tick in O(entities), then queried by every client's view.
 * Only non-empty cells exist, found through an open-addressing table keyed
 * by cell coordinates, so a huge or sparse world costs nothing for its empty
 * space. A cell lists its entities in ascending index (= id) order with
 * their positions beside them, so a query reads memory in order.
 *
 * <p>Entities of a kind the rule has everyone see, and entities without the
 * position fields, are not placed: they are the {@link #globals}. Under a
 * rule without a grid nothing is placed, and only those kinds are globals.
 * Not thread-safe; one per room.
 */
final class SpatialGrid {
    /** Not on the grid: seen by every view. */
    static final int GLOBAL = -1;
    /** Not on the grid, under a rule without one: seen only when the rule names it. */
    static final int NOWHERE = -2;
    /** Cell coordinates are clamped to 16 bits each: cells at the clamp only get larger, the radius test stays exact. */
    private static final int COORD_MIN = -(1 << 15);
    private static final int COORD_MAX = (1 << 15) - 1;

    private final Visibility rule;
    /** Whether the rule has a grid: if not, nothing is placed and {@link #within} is refused. */
    final boolean placing;
    private final int cellSize;
    private final int xField;
    private final int yField;
    private final int minFields;

    private WorldState state;
    /** Per entity index: its cell, or {@link #GLOBAL}. */
    int[] cellOf = new int[64];
    /** Number of non-empty cells; cell c holds {@code order[cellStart[c] .. cellStart[c + 1])}. */
    int cells;
    int[] cellStart = new int[65];
    int[] order = new int[64];
    /** Entity indices that every view holds, ascending. */
    final IntList globals = new IntList(16);
    private int[] cellX = new int[64];
    private int[] cellY = new int[64];
    private int[] xs = new int[64];
    private int[] ys = new int[64];
    private int[] entityX = new int[64];
    private int[] entityY = new int[64];
    private int[] cursor = new int[64];
    private int placed;
    private int minX;
    private int minY;
    private int maxX;
    private int maxY;
    private int[] tableKey = new int[128];
    private int[] tableSlot = new int[128];
    private int[] tableStamp = new int[128];
    private int tableShift = 32 - 7;
    private int stamp;

    /** @param grid the rule's grid, or null */
    SpatialGrid(Visibility rule, ViewGrid grid) {
        this.rule = rule;
        this.placing = grid != null;
        this.cellSize = placing ? grid.cellSize() : 1;
        this.xField = placing ? grid.xField() : 0;
        this.yField = placing ? grid.yField() : 0;
        this.minFields = Math.max(xField, yField) + 1;
    }

    /** Places every entity of {@code state}; earlier placements are forgotten. */
    void index(WorldState state) {
        this.state = state;
        int n = state.count;
        ensureCapacity(n);
        newTable(n);
        cells = 0;
        placed = 0;
        globals.clear();
        minX = minY = Integer.MAX_VALUE;
        maxX = maxY = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            int start = state.fieldStart[i];
            if (rule.seenByAll(state.kinds[i]) || (placing && state.fieldStart[i + 1] - start < minFields)) {
                cellOf[i] = GLOBAL;
                globals.add(i);
                continue;
            }
            if (!placing) {
                cellOf[i] = NOWHERE;
                continue;
            }
            int x = state.fields[start + xField];
            int y = state.fields[start + yField];
            entityX[i] = x;
            entityY[i] = y;
            int cell = cell(coord(x), coord(y), true);
            cellOf[i] = cell;
            cursor[cell]++;
            placed++;
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        cellStart[0] = 0;
        for (int c = 0; c < cells; c++) {
            cellStart[c + 1] = cellStart[c] + cursor[c];
            cursor[c] = cellStart[c];
        }
        for (int i = 0; i < n; i++) {
            int c = cellOf[i];
            if (c >= 0) {
                int k = cursor[c]++;
                order[k] = i;
                xs[k] = entityX[i];
                ys[k] = entityY[i];
            }
        }
    }

    /**
     * Adds to {@code out} the index of every placed entity within {@code r}
     * of {@code (x, y)} that {@code keep} (if not null) accepts by id.
     *
     * @return true, adding nothing, when {@code keep} is null and the circle
     *         holds every placed entity: the caller takes them all at once
     */
    boolean within(int x, int y, int r, IntPredicate keep, IntList out) {
        long r2 = (long) r * r;
        if (placed == 0 || (keep == null && inside(Math.max(Math.abs((long) x - minX), Math.abs((long) x - maxX)),
                Math.max(Math.abs((long) y - minY), Math.abs((long) y - maxY)), r, r2))) {
            return keep == null;
        }
        int cx0 = Math.max(coord(clamp((long) x - r)), coord(minX));
        int cx1 = Math.min(coord(clamp((long) x + r)), coord(maxX));
        int cy0 = Math.max(coord(clamp((long) y - r)), coord(minY));
        int cy1 = Math.min(coord(clamp((long) y + r)), coord(maxY));
        if (cx0 > cx1 || cy0 > cy1) {
            return false;
        }
        if ((long) (cx1 - cx0 + 1) * (cy1 - cy0 + 1) > cells) {
            // A huge radius over a sparse world: walking the non-empty cells is cheaper than the range.
            for (int c = 0; c < cells; c++) {
                if (cellX[c] >= cx0 && cellX[c] <= cx1 && cellY[c] >= cy0 && cellY[c] <= cy1) {
                    scan(c, x, y, r, r2, keep, out);
                }
            }
        } else {
            for (int cx = cx0; cx <= cx1; cx++) {
                for (int cy = cy0; cy <= cy1; cy++) {
                    int c = cell(cx, cy, false);
                    if (c >= 0) {
                        scan(c, x, y, r, r2, keep, out);
                    }
                }
            }
        }
        return false;
    }

    private void scan(int c, int x, int y, int r, long r2, IntPredicate keep, IntList out) {
        int from = cellStart[c];
        int to = cellStart[c + 1];
        out.reserve(to - from);
        int[] items = out.items;
        int size = out.size;
        int cx = cellX[c];
        int cy = cellY[c];
        if (keep == null && cx > COORD_MIN && cx < COORD_MAX && cy > COORD_MIN && cy < COORD_MAX) {
            // A cell wholly inside the circle needs no per-entity test.
            long left = (long) cx * cellSize;
            long top = (long) cy * cellSize;
            long right = left + cellSize - 1;
            long bottom = top + cellSize - 1;
            if (inside(Math.max(Math.abs(x - left), Math.abs(x - right)), Math.max(Math.abs(y - top), Math.abs(y - bottom)), r, r2)) {
                System.arraycopy(order, from, items, size, to - from);
                out.size = size + to - from;
                return;
            }
        }
        for (int k = from; k < to; k++) {
            if (inside((long) xs[k] - x, (long) ys[k] - y, r, r2) && (keep == null || keep.test(state.ids[order[k]]))) {
                items[size++] = order[k];
            }
        }
        out.size = size;
    }

    /** Whether (dx, dy) is within r; the early test keeps the squares inside a long. */
    private static boolean inside(long dx, long dy, int r, long r2) {
        if (dx > r || dx < -r || dy > r || dy < -r) {
            return false;
        }
        return dx * dx + dy * dy <= r2;
    }

    private int coord(int v) {
        return Math.max(COORD_MIN, Math.min(COORD_MAX, Math.floorDiv(v, cellSize)));
    }

    private static int clamp(long v) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    /** The cell at (cx, cy), created when asked to; -1 when absent. */
    private int cell(int cx, int cy, boolean create) {
        int key = cx << 16 | (cy & 0xFFFF);
        int mask = tableKey.length - 1;
        int h = (key * 0x9E3779B9) >>> tableShift;
        while (tableStamp[h] == stamp) {
            if (tableKey[h] == key) {
                return tableSlot[h];
            }
            h = (h + 1) & mask;
        }
        if (!create) {
            return -1;
        }
        int c = cells++;
        tableStamp[h] = stamp;
        tableKey[h] = key;
        tableSlot[h] = c;
        cellX[c] = cx;
        cellY[c] = cy;
        cursor[c] = 0;
        return c;
    }

    /** An empty table with room for n cells at half load; emptied by a new stamp, not by clearing. */
    private void newTable(int n) {
        if (tableKey.length < 2 * n) {
            int capacity = Integer.highestOneBit(Math.max(64, 2 * n - 1)) << 1;
            tableKey = new int[capacity];
            tableSlot = new int[capacity];
            tableStamp = new int[capacity];
            tableShift = 32 - Integer.numberOfTrailingZeros(capacity);
            stamp = 0;
        }
        if (++stamp == 0) {
            Arrays.fill(tableStamp, 0);
            stamp = 1;
        }
    }

    private void ensureCapacity(int n) {
        if (cellOf.length < n) {
            int c = Math.max(n, cellOf.length * 2);
            cellOf = new int[c];
            cellStart = new int[c + 1];
            order = new int[c];
            cellX = new int[c];
            cellY = new int[c];
            xs = new int[c];
            ys = new int[c];
            entityX = new int[c];
            entityY = new int[c];
            cursor = new int[c];
        }
    }
}
