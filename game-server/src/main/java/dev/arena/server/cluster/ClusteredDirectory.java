package dev.arena.server.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import dev.arena.server.room.Addresses;
import dev.arena.server.room.Directory;
import dev.arena.server.room.JsonCodec;
import dev.arena.server.room.Placement;
import dev.arena.server.room.PlacementQuery;
import dev.arena.server.room.Reservation;
import dev.arena.server.room.RoomListing;
import dev.arena.server.room.SeatRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.internal.VertxInternal;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cluster's {@link Directory}: every node's rooms, known on every node.
 * A node publishes its own rooms' changes to all the others on the clustered
 * event bus and writes them to a Hazelcast map ({@link DirectoryStore}),
 * which a node that joins later reads once; every node keeps its copy
 * ({@link DirectoryCache}). Joins are placed by {@link ClusterPlacement}.
 * When a member leaves the cluster (stopped, or dead: Hazelcast notices a
 * killed process at once and a silent one within seconds) every other node
 * forgets its rooms, and the oldest member deletes them from the map.
 * A node that stops first marks itself stopping and withdraws its rooms, so no
 * player is placed on it while it drains.
 */
public final class ClusteredDirectory implements Directory {
    private static final Logger log = LoggerFactory.getLogger(ClusteredDirectory.class);
    /** The member attribute where the Vert.x cluster manager keeps its node id. */
    private static final String VERTX_NODE_ID = "__vertx.nodeId";
    private static final long PURGE_MILLIS = 30_000;

    private final Vertx vertx;
    private final HazelcastInstance hazelcast;
    private final String self;
    private final DirectoryCache cache = new DirectoryCache();
    private final DirectoryStore store;
    private final ClusterPlacement placement;
    private final AtomicLong version = new AtomicLong();
    private final List<String> games;
    private final int maxRooms;
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();
    private volatile NodeRecord record;
    /** The other nodes' public URLs, refreshed from the map as members come and go and every purge period. */
    private volatile Set<String> peerUrls = Set.of();
    private volatile boolean open;
    private long purgeTimer = -1;

    /**
     * @param vertx    a clustered Vert.x ({@link ClusteredVertx})
     * @param games    the games this node offers
     * @param maxRooms {@code room.maxRooms}
     */
    public ClusteredDirectory(Vertx vertx, List<String> games, int maxRooms) {
        this.vertx = vertx;
        HazelcastClusterManager manager = (HazelcastClusterManager) ((VertxInternal) vertx).clusterManager();
        this.hazelcast = manager.getHazelcastInstance();
        this.self = shortId(manager.getNodeId());
        this.store = new DirectoryStore(vertx, hazelcast);
        this.placement = new ClusterPlacement(vertx, self, cache, store, this::liveNodes);
        this.games = List.copyOf(games);
        this.maxRooms = maxRooms;
    }

    /** Registers the control plane's codecs: once per Vert.x, before any control message is sent. */
    public static void registerCodecs(EventBus bus) {
        JsonCodec.register(bus, DirectoryUpdate.class, DirectoryUpdate::toJson, DirectoryUpdate::fromJson);
    }

    /** The node id: rooms' ids start with it, and {@code /api/rooms} shows it. */
    public String nodeId() {
        return self;
    }

    /**
     * Joins the directory once this node's players' server listens at
     * {@code url}: takes seat requests and updates from the other nodes,
     * publishes this node and reads the rooms already there.
     */
    public Future<Void> start(String url) {
        record = new NodeRecord(self, url, games, maxRooms, false);
        EventBus bus = vertx.eventBus();
        // Clustered consumers: other nodes reach this node's registry here, and the admin API later may too.
        consumers.add(bus.<SeatRequest>consumer(Addresses.nodeReserve(self), msg ->
                bus.<Reservation>request(Addresses.REGISTRY_RESERVE, msg.body())
                        .onComplete(reply -> msg.reply(reply.succeeded() ? reply.result().body()
                                : Reservation.refused(dev.arena.server.protocol.CloseReason.UNKNOWN_ROOM,
                                "the node could not reserve: " + reply.cause().getMessage())))));
        consumers.add(bus.<DirectoryUpdate>consumer(Addresses.DIRECTORY_UPDATES, msg -> {
            if (!msg.body().node().equals(self)) {
                cache.apply(msg.body());
            }
        }));
        hazelcast.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                // The new node publishes its record once it has joined: read the map again a little later too
                // (unless this node has left meanwhile: its reads' executor may be closed).
                vertx.setTimer(2_000, id -> {
                    if (open) {
                        refreshPeers();
                    }
                });
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                try {
                    onMemberRemoved(event.getMember());
                    refreshPeers();
                } catch (java.util.concurrent.RejectedExecutionException closing) {
                    // This node's Vert.x is closing too: nothing is left to update.
                }
            }
        });
        purgeTimer = vertx.setPeriodic(PURGE_MILLIS, id -> {
            cache.purgeTombstones();
            refreshPeers();
        });
        return Future.all(consumers.stream().map(MessageConsumer::completion).toList())
                .compose(v -> store.writeNode(record))
                .compose(v -> store.rooms())
                .map(updates -> {
                    updates.forEach(cache::apply);
                    refreshPeers();
                    open = true;
                    log.info("cluster: node {} joined, {} members, players redirected here connect to {}", self,
                            members(), url);
                    return null;
                });
    }

    /**
     * Leaves the directory before the node stops: marked stopping, so no
     * placement picks it, and every room of it withdrawn, so no player is
     * sent to them. The rooms themselves drain as on a lone node.
     */
    public Future<Void> close() {
        if (!open) {
            return Future.succeededFuture();
        }
        open = false;
        vertx.cancelTimer(purgeTimer);
        List<Future<Void>> writes = new ArrayList<>();
        writes.add(store.writeNode(record.asStopping()));
        for (RoomListing own : cache.rooms(Set.of(self), r -> true)) {
            writes.add(withdrawNow(own.id()));
        }
        return Future.join(writes).mapEmpty();
    }

    /** Whether this node is in the directory: joined, published, not stopping. */
    public boolean joined() {
        return open && hazelcast.getLifecycleService().isRunning();
    }

    /** Members of the cluster now, this node included. */
    public int members() {
        return hazelcast.getLifecycleService().isRunning() ? hazelcast.getCluster().getMembers().size() : 0;
    }

    private void onMemberRemoved(Member member) {
        String node = shortId(member.getAttribute(VERTX_NODE_ID));
        cache.dropNode(node);
        log.info("cluster: node {} left; its rooms are gone from the directory", node);
        // Every survivor forgets; the oldest one deletes, so the map is cleaned once.
        Member oldest = hazelcast.getCluster().getMembers().iterator().next();
        if (oldest.localMember()) {
            store.forgetNode(node).onFailure(e -> log.warn("cluster: could not delete node {}'s rooms from the map", node, e));
        }
    }

    /** The other live nodes' public URLs, as last read from the map. */
    public Set<String> peerUrls() {
        return peerUrls;
    }

    private void refreshPeers() {
        store.nodes().onSuccess(nodes -> {
            Set<String> live = liveNodes();
            peerUrls = Set.copyOf(nodes.stream().filter(n -> !n.id().equals(self) && live.contains(n.id()))
                    .map(NodeRecord::url).toList());
        });
    }

    private Set<String> liveNodes() {
        Set<String> live = new HashSet<>();
        for (Member member : hazelcast.getCluster().getMembers()) {
            String id = member.getAttribute(VERTX_NODE_ID);
            if (id != null) {
                live.add(shortId(id));
            }
        }
        return live;
    }

    private static String shortId(String vertxNodeId) {
        return vertxNodeId.substring(0, 8);
    }

    @Override
    public String roomIdPrefix() {
        return self + "-";
    }

    @Override
    public Future<Placement> place(PlacementQuery query) {
        return open ? placement.place(query) : Future.succeededFuture(Placement.here());
    }

    @Override
    public Future<Void> publish(RoomListing room) {
        if (!open) {
            return Future.succeededFuture();
        }
        return update(new DirectoryUpdate(room.id(), self, version.incrementAndGet(), stamp(room)));
    }

    @Override
    public void withdraw(String roomId) {
        if (open) {
            withdrawNow(roomId);
        }
    }

    private Future<Void> withdrawNow(String roomId) {
        return update(new DirectoryUpdate(roomId, self, version.incrementAndGet(), null));
    }

    private Future<Void> update(DirectoryUpdate update) {
        cache.apply(update);
        vertx.eventBus().publish(Addresses.DIRECTORY_UPDATES, update);
        return store.write(update);
    }

    @Override
    public RoomListing stamp(RoomListing own) {
        NodeRecord node = record;
        return node == null ? own : own.on(self, node.url());
    }

    @Override
    public Collection<RoomListing> others() {
        return cache.rooms(liveNodes(), r -> !r.node().equals(self));
    }
}
