package dev.arena.server.cluster;

import dev.arena.server.room.RoomListing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * This node's copy of the cluster's room directory, fed by the owners'
 * {@link DirectoryUpdate}s (its own as it makes them, the others' from the
 * event bus, the map's content once as the node joins). Of two updates of a
 * room the higher version wins, whatever order they arrive in; a removal
 * stays as a tombstone for {@link #TOMBSTONE_NANOS}, so a late older update
 * cannot bring the room back. Thread-safe: written from the registry's loop,
 * the bus and Hazelcast's membership thread.
 */
final class DirectoryCache {
    /** Longer than any update stays in flight between two live nodes. */
    static final long TOMBSTONE_NANOS = 60_000_000_000L;

    private record Slot(DirectoryUpdate update, long atNanos) {
    }

    private final ConcurrentHashMap<String, Slot> rooms = new ConcurrentHashMap<>();

    /** Applies an update unless the cache holds a newer one of the room. */
    void apply(DirectoryUpdate update) {
        long now = System.nanoTime();
        rooms.merge(update.roomId(), new Slot(update, now),
                (old, fresh) -> fresh.update.version() > old.update.version() ? fresh : old);
    }

    /** Forgets every room of a node that left the cluster, tombstones included. */
    void dropNode(String node) {
        rooms.values().removeIf(slot -> slot.update.node().equals(node));
    }

    /** Forgets tombstones older than {@link #TOMBSTONE_NANOS}. */
    void purgeTombstones() {
        long now = System.nanoTime();
        rooms.values().removeIf(slot -> slot.update.removed() && now - slot.atNanos > TOMBSTONE_NANOS);
    }

    /** The listing of a room that exists on a live node, or null. */
    RoomListing get(String roomId, Set<String> liveNodes) {
        Slot slot = rooms.get(roomId);
        return slot == null || slot.update.removed() || !liveNodes.contains(slot.update.node()) ? null
                : slot.update.listing();
    }

    /** The rooms on live nodes that {@code filter} accepts. */
    List<RoomListing> rooms(Set<String> liveNodes, Predicate<RoomListing> filter) {
        List<RoomListing> out = new ArrayList<>();
        for (Slot slot : rooms.values()) {
            RoomListing listing = slot.update.listing();
            if (listing != null && liveNodes.contains(slot.update.node()) && filter.test(listing)) {
                out.add(listing);
            }
        }
        return out;
    }
}
