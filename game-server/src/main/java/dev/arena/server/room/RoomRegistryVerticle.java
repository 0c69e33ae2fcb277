package dev.arena.server.room;

import dev.arena.server.config.RoomConfig;
import dev.arena.server.game.GameFactory;
import dev.arena.server.metrics.GameMetrics;
import dev.arena.server.protocol.CloseReason;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The node's room directory and matchmaker. It deploys rooms on demand,
 * forwards each join to its room and keeps a seat count per room: the
 * players the room reports plus the joins on their way to it. All on one
 * event loop, so the directory needs no locks.
 *
 * <p>Quick-join picks the fullest room with a free seat, so rooms fill before
 * new ones open; when every room is full it opens one, up to
 * {@code room.maxRooms}. A seat held for a dropped player is taken.
 *
 * <p>Rooms run on a worker pool of their own ({@link #ROOM_POOL}), not on
 * event loops: game code that blocks then holds one of its threads, never an
 * event loop that sockets, this registry or the management server need. A
 * watchdog on this verticle's loop fails a room whose game call has not
 * returned after {@code room.failTickMillis}, while it is still stuck.
 */
public final class RoomRegistryVerticle extends VerticleBase {
    private final BooleanSupplier shuttingDown;
    private final RoomConfig config;
    private final long tooSlowNanos;
    private final GameFactory gameFactory;
    private final GameMetrics metrics;
    private final TickMonitor ticks;
    /** The rooms' worker pool: named, so rooms never compete with blocking work elsewhere for threads. */
    static final String ROOM_POOL = "arena-rooms";
    /**
     * As many threads as Vert.x has event loops by default (rooms ran on those before): each room's
     * work is ordered on one thread at a time, and a room stuck in game code holds one until it returns.
     */
    static final int ROOM_THREADS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private final Map<String, Entry> rooms = new LinkedHashMap<>();
    private int nextRoom = 1;
    private long watchdog = -1;

    /**
     * @param ticks        where the rooms report their schedule, for the readiness check and the watchdog
     * @param shuttingDown true once the server drains before stopping: joins are refused from then on
     */
    public RoomRegistryVerticle(RoomConfig config, long tooSlowNanos, GameFactory gameFactory, GameMetrics metrics,
                                TickMonitor ticks, BooleanSupplier shuttingDown) {
        this.shuttingDown = shuttingDown;
        this.config = config;
        this.tooSlowNanos = tooSlowNanos;
        this.gameFactory = gameFactory;
        this.metrics = metrics;
        this.ticks = ticks;
    }

    @Override
    public Future<?> start() {
        EventBus bus = vertx.eventBus();
        // Checked a few times per failTickMillis: a stuck room fails within about 1.2 x failTickMillis.
        long period = Math.max(10, Math.min(1000, config.failTickMillis() / 5));
        watchdog = vertx.setPeriodic(period, id -> failStuckRooms());
        return Future.all(
                bus.<JoinRequest>localConsumer(Addresses.REGISTRY_JOIN, this::onJoin).completion(),
                bus.localConsumer(Addresses.REGISTRY_LIST, msg -> msg.reply(list())).completion(),
                bus.<RoomStatus>localConsumer(Addresses.REGISTRY_STATUS, msg -> {
                    Entry e = rooms.get(msg.body().roomId());
                    if (e != null) {
                        e.players = msg.body().players();
                    }
                }).completion(),
                bus.<String>localConsumer(Addresses.REGISTRY_DISPOSE, msg -> {
                    Entry e = rooms.get(msg.body());
                    boolean disposable = e != null && e.players == 0 && e.pending == 0;
                    if (disposable) {
                        rooms.remove(e.id);
                    }
                    msg.reply(disposable);
                }).completion(),
                bus.<String>localConsumer(Addresses.REGISTRY_CLOSED, msg -> rooms.remove(msg.body())).completion());
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(watchdog);
        return Future.succeededFuture();
    }

    /** The watchdog: every room whose game call has run past room.failTickMillis fails, and leaves the directory. */
    private void failStuckRooms() {
        long now = System.nanoTime();
        long limit = config.failTickMillis() * 1_000_000L;
        rooms.values().removeIf(e -> e.verticle != null && e.verticle.failIfStuck(now, limit));
    }

    private void onJoin(Message<JoinRequest> msg) {
        JoinRequest request = msg.body();
        if (shuttingDown.getAsBoolean()) {
            msg.reply(JoinResult.refused(CloseReason.SHUTTING_DOWN,
                    "the server is shutting down and takes no new players"));
            return;
        }
        Entry entry;
        if (request.roomId() != null) {
            entry = rooms.get(request.roomId());
            if (entry == null) {
                msg.reply(JoinResult.refused(CloseReason.UNKNOWN_ROOM, "no room " + request.roomId()));
                return;
            }
            if (entry.seated() >= config.capacity()) {
                msg.reply(JoinResult.refused(CloseReason.ROOM_FULL,
                        "room " + entry.id + " is full (" + config.capacity() + " players)"));
                return;
            }
        } else {
            entry = fullestWithSpace();
            if (entry == null) {
                if (rooms.size() >= config.maxRooms()) {
                    msg.reply(JoinResult.refused(CloseReason.SERVER_FULL,
                            "the server is full: all " + config.maxRooms() + " rooms have " + config.capacity() + " players"));
                    return;
                }
                entry = open();
            }
        }
        Entry target = entry;
        target.pending++;
        target.deployed
                .compose(v -> vertx.eventBus().<JoinResult>request(Addresses.roomJoin(target.id), request))
                .onComplete(reply -> {
                    target.pending--;
                    if (reply.succeeded()) {
                        JoinResult result = reply.result().body();
                        if (result.accepted()) {
                            target.players = result.players();
                        }
                        msg.reply(result);
                    } else {
                        msg.reply(JoinResult.refused(CloseReason.UNKNOWN_ROOM,
                                "room " + target.id + " is not available: " + reply.cause().getMessage()));
                    }
                });
    }

    private Entry fullestWithSpace() {
        Entry best = null;
        for (Entry e : rooms.values()) {
            if (e.seated() < config.capacity() && (best == null || e.seated() > best.seated())) {
                best = e;
            }
        }
        return best;
    }

    private Entry open() {
        String id = "r" + nextRoom++;
        Entry entry = new Entry(id);
        rooms.put(id, entry);
        entry.verticle = new RoomVerticle(id, config, tooSlowNanos, gameFactory, metrics, ticks);
        entry.deployed = vertx.deployVerticle(entry.verticle, new DeploymentOptions()
                        .setThreadingModel(ThreadingModel.WORKER).setWorkerPoolName(ROOM_POOL)
                        .setWorkerPoolSize(ROOM_THREADS))
                .onFailure(e -> rooms.remove(id))
                .mapEmpty();
        return entry;
    }

    private JsonObject list() {
        JsonArray array = new JsonArray();
        for (Entry e : rooms.values()) {
            array.add(new JsonObject().put("id", e.id).put("players", e.players)
                    .put("capacity", config.capacity()).put("game", config.game()));
        }
        return new JsonObject().put("rooms", array);
    }

    private static final class Entry {
        final String id;
        int players;
        int pending;
        Future<Void> deployed;
        RoomVerticle verticle;

        Entry(String id) {
            this.id = id;
        }

        int seated() {
            return players + pending;
        }
    }
}
