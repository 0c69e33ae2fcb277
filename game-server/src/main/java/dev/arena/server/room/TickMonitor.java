package dev.arena.server.room;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where every live room stands against its tick schedule, for the readiness
 * check. Rooms write from their own event loops, the management server reads
 * from its own; each room's entry is two volatile longs, so a tick costs no
 * allocation and no lock. Times are {@link System#nanoTime()} values passed
 * in, so tests drive it with any clock.
 */
public final class TickMonitor {
    private final Set<Entry> rooms = ConcurrentHashMap.newKeySet();

    /** Starts watching a room whose first step is due at {@code nextDueNanos}. */
    public Entry register(String roomId, long nextDueNanos) {
        Entry entry = new Entry(roomId, nextDueNanos);
        rooms.add(entry);
        return entry;
    }

    /** Stops watching a room (it stopped, failed or was disposed); a no-op the second time. */
    public void unregister(Entry entry) {
        rooms.remove(entry);
    }

    /** Rooms watched now. */
    public int rooms() {
        return rooms.size();
    }

    /**
     * The ids of the rooms more than {@code maxLagNanos} behind schedule at
     * {@code nowNanos}: a step has been due for longer than that without
     * running, or the room's last timer wake-up ran its steps that late.
     */
    public List<String> behind(long nowNanos, long maxLagNanos) {
        List<String> late = new ArrayList<>();
        for (Entry e : rooms) {
            if (nowNanos - e.nextDueNanos > maxLagNanos || e.lastLatenessNanos > maxLagNanos) {
                late.add(e.roomId);
            }
        }
        late.sort(null);
        return late;
    }

    /** One room's position against its schedule, written only by that room's thread. */
    public static final class Entry {
        private final String roomId;
        private volatile long nextDueNanos;
        private volatile long lastLatenessNanos;
        /** When the game call running now started, or 0 when none runs: a watchdog reads it from outside. */
        private volatile long busySinceNanos;

        private Entry(String roomId, long nextDueNanos) {
            this.roomId = roomId;
            this.nextDueNanos = nextDueNanos;
        }

        /**
         * After a timer wake-up.
         *
         * @param nextDueNanos     when the room's next step is due
         * @param latenessNanos    how late this wake-up ran its steps (0 when it ran none)
         */
        public void update(long nextDueNanos, long latenessNanos) {
            this.nextDueNanos = nextDueNanos;
            this.lastLatenessNanos = latenessNanos;
        }

        /** The room's thread enters game code at {@code nowNanos} (never 0). */
        public void busy(long nowNanos) {
            busySinceNanos = nowNanos == 0 ? 1 : nowNanos;
        }

        /** The room's thread left game code. */
        public void idle() {
            busySinceNanos = 0;
        }

        /** How long the game call running now has run at {@code nowNanos}, or 0 when none runs. */
        public long busyFor(long nowNanos) {
            long since = busySinceNanos;
            return since == 0 ? 0 : nowNanos - since;
        }
    }
}
