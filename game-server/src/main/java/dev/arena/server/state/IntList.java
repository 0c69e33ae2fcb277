package dev.arena.server.state;

import java.util.Arrays;

/** A growable list of ints that is reused from tick to tick: clearing keeps its array. */
final class IntList {
    int[] items;
    int size;

    IntList(int capacity) {
        items = new int[Math.max(1, capacity)];
    }

    void clear() {
        size = 0;
    }

    void add(int value) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = value;
    }

    /** Makes room for {@code more} items, so a caller may write {@code items[size++]} that many times. */
    void reserve(int more) {
        if (size + more > items.length) {
            items = Arrays.copyOf(items, Math.max(size + more, items.length * 2));
        }
    }

    /** Sorts ascending and drops repeats. */
    void sortDistinct() {
        Arrays.sort(items, 0, size);
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (kept == 0 || items[i] != items[kept - 1]) {
                items[kept++] = items[i];
            }
        }
        size = kept;
    }
}
