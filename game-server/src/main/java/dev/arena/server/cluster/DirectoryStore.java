package dev.arena.server.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The durable copy of the directory: two Hazelcast maps ({@link HazelcastSettings#ROOMS_MAP},
 * {@link HazelcastSettings#NODES_MAP}) of JSON values, with one backup each,
 * so the map outlives any one member. A node writes only its own entries,
 * and its writes of one room are chained so they land in the order made; a
 * node joining reads the rooms once, and placements that open rooms read
 * them fresh. Values are JSON so that the map's queries need no class of
 * ours on the members.
 */
final class DirectoryStore {
    /** Its own threads, so reads never queue behind work that blocks on the cluster (lock waits). */
    private final WorkerExecutor reads;
    private final Context context;
    private final IMap<String, HazelcastJsonValue> rooms;
    private final IMap<String, HazelcastJsonValue> nodes;
    private final Map<String, Future<Void>> lastWrite = new ConcurrentHashMap<>();

    DirectoryStore(Vertx vertx, HazelcastInstance hazelcast) {
        this.reads = vertx.createSharedWorkerExecutor("arena-directory", 2);
        this.context = vertx.getOrCreateContext();
        this.rooms = hazelcast.getMap(HazelcastSettings.ROOMS_MAP);
        this.nodes = hazelcast.getMap(HazelcastSettings.NODES_MAP);
    }

    /** Writes a room's update after the writes of it already under way; a removal deletes it. */
    Future<Void> write(DirectoryUpdate update) {
        return lastWrite.compute(update.roomId(), (id, before) -> {
            Future<Void> previous = before == null ? Future.succeededFuture() : before;
            return previous.transform(x -> update.removed()
                    ? Future.fromCompletionStage(rooms.removeAsync(id), context).mapEmpty()
                    : Future.fromCompletionStage(rooms.setAsync(id, new HazelcastJsonValue(update.toJson().encode())),
                    context).mapEmpty());
        }).onComplete(done -> {
            if (update.removed()) {
                lastWrite.remove(update.roomId());
            }
        });
    }

    Future<Void> writeNode(NodeRecord node) {
        return Future.fromCompletionStage(nodes.setAsync(node.id(), new HazelcastJsonValue(node.toJson().encode())),
                context).mapEmpty();
    }

    /** Every room of the map, read now. */
    Future<List<DirectoryUpdate>> rooms() {
        return reads.executeBlocking(() -> {
            List<DirectoryUpdate> out = new ArrayList<>();
            for (HazelcastJsonValue value : rooms.values()) {
                out.add(DirectoryUpdate.fromJson(new JsonObject(value.getValue())));
            }
            return out;
        }, false);
    }

    /** Every node of the map, read now. */
    Future<List<NodeRecord>> nodes() {
        return reads.executeBlocking(() -> {
            List<NodeRecord> out = new ArrayList<>();
            for (HazelcastJsonValue value : nodes.values()) {
                out.add(NodeRecord.fromJson(new JsonObject(value.getValue())));
            }
            return out;
        }, false);
    }

    /** Deletes a node that left the cluster and its rooms (idempotent: every survivor may do it). */
    Future<Void> forgetNode(String node) {
        return reads.executeBlocking(() -> {
            rooms.removeAll(Predicates.equal("node", node));
            nodes.delete(node);
            return null;
        }, false);
    }
}
