package dev.arena.server.room;

import io.vertx.core.Future;

import java.util.Collection;

/**
 * Where this node's rooms are published and where a join is placed. The
 * registry talks to nothing else about placement, so it never knows whether
 * it is alone: {@link LocalDirectory} places every join here and knows no
 * other rooms; a cluster's directory (package {@code cluster}) knows every
 * node's rooms, reserves seats on other nodes and places new rooms on the
 * least-loaded node.
 *
 * <p>Called on the registry's event loop only. The futures complete on the
 * same loop.
 */
public interface Directory {
    /** Prepended to this node's room ids to keep them unique wherever the directory reaches: {@code ""} alone. */
    String roomIdPrefix();

    /**
     * Where a join goes: {@link Placement.Kind#HERE} lets the registry place
     * it among its own rooms as a lone node does; otherwise a seat was
     * reserved here or on another node, or the join is refused. Never failed.
     */
    Future<Placement> place(PlacementQuery query);

    /**
     * One of this node's rooms opened or changed what the directory knows of
     * it. The future completes once other nodes' placements can see it (at
     * once when alone).
     */
    Future<Void> publish(RoomListing room);

    /** One of this node's rooms is gone. */
    void withdraw(String roomId);

    /** This node's own room as the room list shows it: with its node and URL in a cluster. */
    RoomListing stamp(RoomListing own);

    /** The rooms of the other nodes, private ones included (the caller never lists those); empty alone. */
    Collection<RoomListing> others();
}
