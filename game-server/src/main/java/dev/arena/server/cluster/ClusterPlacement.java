package dev.arena.server.cluster;

import dev.arena.server.protocol.CloseReason;
import dev.arena.server.room.Addresses;
import dev.arena.server.room.Placement;
import dev.arena.server.room.PlacementQuery;
import dev.arena.server.room.Reservation;
import dev.arena.server.room.RoomListing;
import dev.arena.server.room.SeatRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Where in the cluster a join goes (docs/CLUSTER.md, "How a join flows").
 * A seat is only ever reserved by the node that owns the room, on its
 * registry's event loop, so two nodes placing players at once can never
 * overfill a room: the owner refuses the seat that is not there, and the
 * placement tries the next room.
 * <ul>
 *   <li>Quick-join: the fullest public room of the game with a free seat on
 *       any node, as this node's copy of the directory has it; when none
 *       takes the player, under a cluster-wide lock per game, the same again
 *       from the map as it is now, and then a new room on the least-loaded
 *       node (fewest seats taken; a tie goes to the lowest node id). The lock
 *       is taken only to open rooms, so concurrent quick-joins fill rooms one
 *       after the other instead of opening one room each.</li>
 *   <li>By id, by private code, or to watch: the node that has the room.</li>
 *   <li>A new private room: the least-loaded node.</li>
 * </ul>
 */
final class ClusterPlacement {
    /** Rooms tried from one view of the directory before the next step. */
    private static final int ATTEMPTS = 3;
    private static final long RESERVE_TIMEOUT_MILLIS = 3_000;
    private static final long LOCK_TIMEOUT_MILLIS = 5_000;

    private final Vertx vertx;
    private final String self;
    private final DirectoryCache cache;
    private final DirectoryStore store;
    private final Supplier<Set<String>> liveNodes;
    /** The last open-path placement of each game under way on this node (the registry's loop only). */
    private final Map<String, Future<Placement>> opening = new java.util.concurrent.ConcurrentHashMap<>();

    /** @param liveNodes the ids of the nodes that are members of the cluster now */
    ClusterPlacement(Vertx vertx, String self, DirectoryCache cache, DirectoryStore store,
                     Supplier<Set<String>> liveNodes) {
        this.vertx = vertx;
        this.self = self;
        this.cache = cache;
        this.store = store;
        this.liveNodes = liveNodes;
    }

    Future<Placement> place(PlacementQuery q) {
        Set<String> live = liveNodes.get();
        if (q.createPrivate()) {
            return store.nodes().compose(nodes -> {
                NodeRecord target = leastLoaded(q.game(), nodes, cache.rooms(live, r -> true), live);
                return target == null || target.id().equals(self) ? Future.succeededFuture(Placement.here())
                        : reserve(target.id(), target.url(), new SeatRequest(q.game(), null, null, false, true, true));
            });
        }
        RoomListing room;
        if (q.privateCode() != null) {
            room = first(cache.rooms(live, r -> q.privateCode().equals(r.privateCode())));
        } else if (q.roomId() != null) {
            room = cache.get(q.roomId(), live);
        } else if (q.spectate()) {
            room = cache.rooms(live, r -> !r.isPrivate() && r.game().equals(q.game())).stream()
                    .max(Comparator.comparingInt(RoomListing::players)).orElse(null);
        } else {
            return quickJoin(q.game());
        }
        // This node's rooms, and rooms nobody has, are the registry's own business (and its refusals).
        if (room == null || room.node().equals(self)) {
            return Future.succeededFuture(Placement.here());
        }
        return reserve(room.node(), room.url(),
                new SeatRequest(q.game(), room.id(), q.privateCode(), q.spectate(), false, false));
    }

    private Future<Placement> quickJoin(String game) {
        return tryRooms(game, cache.rooms(liveNodes.get(), r -> true), 0).compose(placed -> placed != null
                ? Future.succeededFuture(placed) : queuedOpenPath(game));
    }

    /**
     * The open path, one quick-join of a game at a time on this node: the others wait here, on the
     * event loop, not for the cluster's lock on a worker thread, and when their turn comes they first
     * try the rooms again (the one just opened has free seats).
     */
    private Future<Placement> queuedOpenPath(String game) {
        Future<Placement> previous = opening.getOrDefault(game, Future.succeededFuture());
        Future<Placement> mine = previous.transform(x -> tryRooms(game, cache.rooms(liveNodes.get(), r -> true), 0))
                .compose(placed -> placed != null ? Future.succeededFuture(placed)
                        : vertx.sharedData().getLockWithTimeout("arena.placement." + game, LOCK_TIMEOUT_MILLIS)
                        .compose(lock -> openPath(game).onComplete(done -> lock.release())))
                .recover(e -> Future.succeededFuture(Placement.refused(CloseReason.SERVER_FULL,
                        "no seat could be found in the cluster: " + e.getMessage())));
        opening.put(game, mine);
        mine.onComplete(done -> opening.remove(game, mine));
        return mine;
    }

    /** Under the game's lock: the rooms as the map has them now, then a new room on the least-loaded node. */
    private Future<Placement> openPath(String game) {
        Set<String> live = liveNodes.get();
        return store.rooms().compose(updates -> {
            List<RoomListing> fresh = updates.stream().filter(u -> !u.removed() && live.contains(u.node()))
                    .map(DirectoryUpdate::listing).toList();
            return tryRooms(game, fresh, 0).compose(placed -> placed != null ? Future.succeededFuture(placed)
                    : store.nodes().compose(nodes -> {
                NodeRecord target = leastLoaded(game, nodes, fresh, live);
                if (target == null) {
                    return Future.succeededFuture(Placement.refused(CloseReason.SERVER_FULL, "the cluster is full:"
                            + " every node offering " + game + " holds room.maxRooms rooms, or none is up"));
                }
                return reserve(target.id(), target.url(), new SeatRequest(game, null, null, false, false, true));
            }));
        });
    }

    /** Tries the fullest public rooms of the game with a free seat, one after the other; null when none took it. */
    private Future<Placement> tryRooms(String game, List<RoomListing> rooms, int from) {
        List<RoomListing> candidates = rooms.stream()
                .filter(r -> !r.isPrivate() && r.game().equals(game) && r.hasFreeSeat())
                .sorted(Comparator.comparingInt(RoomListing::seated).reversed().thenComparing(RoomListing::id))
                .skip(from).limit(1).toList();
        if (candidates.isEmpty() || from >= ATTEMPTS) {
            return Future.succeededFuture();
        }
        RoomListing room = candidates.get(0);
        return reserve(room.node(), room.url(), new SeatRequest(game, room.id(), null, false, false, false))
                .compose(placed -> placed.kind() != Placement.Kind.REFUSED ? Future.succeededFuture(placed)
                        : tryRooms(game, rooms, from + 1));
    }

    /** Asks a node's registry for a seat over the clustered event bus; {@code url} is where that node is. */
    private Future<Placement> reserve(String node, String url, SeatRequest request) {
        return vertx.eventBus().<Reservation>request(Addresses.nodeReserve(node), request,
                        new DeliveryOptions().setSendTimeout(RESERVE_TIMEOUT_MILLIS))
                .map(reply -> {
                    Reservation r = reply.body();
                    if (!r.granted()) {
                        return Placement.refused(r.refusal(), r.message());
                    }
                    if (node.equals(self)) {
                        return Placement.reservedHere(r.roomId(), r.token());
                    }
                    return Placement.elsewhere(url, r.roomId(), r.token());
                })
                .otherwise(e -> Placement.refused(CloseReason.UNKNOWN_ROOM, "node " + node + " did not answer: "
                        + e.getMessage()));
    }

    /**
     * The live node offering the game with room for one more room and the
     * fewest seats taken; a tie goes to the lowest id. Null when none.
     */
    static NodeRecord leastLoaded(String game, List<NodeRecord> nodes, List<RoomListing> rooms, Set<String> live) {
        Map<String, Integer> seated = rooms.stream().collect(Collectors.groupingBy(RoomListing::node,
                Collectors.summingInt(RoomListing::seated)));
        Map<String, Long> count = rooms.stream().collect(Collectors.groupingBy(RoomListing::node, Collectors.counting()));
        return nodes.stream()
                .filter(n -> live.contains(n.id()) && !n.stopping() && n.games().contains(game)
                        && count.getOrDefault(n.id(), 0L) < n.maxRooms())
                .min(Comparator.comparingInt((NodeRecord n) -> seated.getOrDefault(n.id(), 0)).thenComparing(NodeRecord::id))
                .orElse(null);
    }

    private static RoomListing first(List<RoomListing> rooms) {
        return rooms.isEmpty() ? null : rooms.get(0);
    }
}
