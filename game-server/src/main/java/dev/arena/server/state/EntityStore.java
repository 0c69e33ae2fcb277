package dev.arena.server.state;

import dev.arena.server.game.World;

import java.util.Arrays;

/**
 * The live, mutable state of one room, written by its game through
 * {@link World}. Entities are kept sorted by id (new ids are always the
 * largest), so lookups are binary searches and {@link #capture} needs no sort.
 * Not thread-safe: only the room's thread touches it.
 */
public final class EntityStore implements World {
    public static final int MAX_FIELDS = 32;

    private int nextId = 1;
    private int size;
    private int[] ids = new int[64];
    private int[] kinds = new int[64];
    private String[] labels = new String[64];
    private int[][] fields = new int[64][];

    @Override
    public int spawn(int kind, String label, int fieldCount) {
        if (kind < 0 || fieldCount < 0 || fieldCount > MAX_FIELDS) {
            throw new IllegalArgumentException("spawn(kind=" + kind + ", fieldCount=" + fieldCount
                    + "): kind must be >= 0 and fieldCount 0.." + MAX_FIELDS);
        }
        if (size == ids.length) {
            int n = size * 2;
            ids = Arrays.copyOf(ids, n);
            kinds = Arrays.copyOf(kinds, n);
            labels = Arrays.copyOf(labels, n);
            fields = Arrays.copyOf(fields, n);
        }
        int id = nextId++;
        ids[size] = id;
        kinds[size] = kind;
        labels[size] = label;
        fields[size] = new int[fieldCount];
        size++;
        return id;
    }

    @Override
    public void despawn(int id) {
        int i = require(id);
        int tail = size - i - 1;
        System.arraycopy(ids, i + 1, ids, i, tail);
        System.arraycopy(kinds, i + 1, kinds, i, tail);
        System.arraycopy(labels, i + 1, labels, i, tail);
        System.arraycopy(fields, i + 1, fields, i, tail);
        size--;
        labels[size] = null;
        fields[size] = null;
    }

    @Override
    public void set(int id, int field, int value) {
        fields[require(id)][field] = value;
    }

    @Override
    public int get(int id, int field) {
        return fields[require(id)][field];
    }

    @Override
    public boolean exists(int id) {
        return Arrays.binarySearch(ids, 0, size, id) >= 0;
    }

    @Override
    public int size() {
        return size;
    }

    /** Freezes the current state as the state of {@code tick}, in new arrays. */
    public WorldState capture(int tick) {
        return capture(tick, null);
    }

    /**
     * Freezes the current state as the state of {@code tick}, in the arrays
     * of {@code recycled} where they are large enough: a state nothing reads
     * any more (one that has left the room's history, {@link HistoryReplication}),
     * so that a send tick allocates only the new state's small header, not
     * five arrays per room (35 % of the server's allocation at 1,000 players
     * before, PERFORMANCE.md). Null: new arrays.
     */
    public WorldState capture(int tick, WorldState recycled) {
        int[] fieldStart = reuse(recycled == null ? null : recycled.fieldStart, size + 1);
        fieldStart[0] = 0;
        for (int i = 0; i < size; i++) {
            fieldStart[i + 1] = fieldStart[i] + fields[i].length;
        }
        int[] packed = reuse(recycled == null ? null : recycled.fields, fieldStart[size]);
        for (int i = 0; i < size; i++) {
            System.arraycopy(fields[i], 0, packed, fieldStart[i], fields[i].length);
        }
        int[] capturedIds = reuse(recycled == null ? null : recycled.ids, size);
        int[] capturedKinds = reuse(recycled == null ? null : recycled.kinds, size);
        String[] capturedLabels = recycled != null && recycled.labels.length >= size
                ? recycled.labels : new String[size + size / 4];
        System.arraycopy(ids, 0, capturedIds, 0, size);
        System.arraycopy(kinds, 0, capturedKinds, 0, size);
        System.arraycopy(labels, 0, capturedLabels, 0, size);
        // Past the count the recycled labels would keep strings of entities long gone alive.
        Arrays.fill(capturedLabels, size, capturedLabels.length, null);
        return new WorldState(tick, size, capturedIds, capturedKinds, capturedLabels, fieldStart, packed);
    }

    /** {@code array} if it holds {@code length} ints, else a new one with room to grow. */
    private static int[] reuse(int[] array, int length) {
        return array != null && array.length >= length ? array : new int[length + length / 4];
    }

    private int require(int id) {
        int i = Arrays.binarySearch(ids, 0, size, id);
        if (i < 0) {
            throw new IllegalArgumentException("no entity " + id);
        }
        return i;
    }
}
