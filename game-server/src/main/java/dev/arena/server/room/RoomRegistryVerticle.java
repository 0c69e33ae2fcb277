package dev.arena.server.room;

import dev.arena.server.metrics.GameMetrics;
import dev.arena.server.protocol.CloseReason;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The node's rooms and matchmaker. It deploys rooms on demand, forwards each
 * join to its room and keeps a seat count per room (see
 * {@link RoomDirectory}). All on one event loop, so the rooms need no locks.
 *
 * <p>A JOIN names a game (none: {@code room.game}). Quick-join picks the
 * fullest public room of that game with a free seat, so rooms fill before new
 * ones open; when every one is full it opens one, up to {@code room.maxRooms}
 * rooms of all games. A private room is opened on request, never listed and
 * joined only with its code. A spectator quick-join watches the game's
 * busiest public room. A seat held for a dropped player is taken.
 *
 * <p>Where a join goes is the {@link Directory}'s call: a lone node's places
 * every join here; a cluster's may reserve a seat on another node (the player
 * is redirected there) or here. A seat reserved here ({@link #REGISTRY_RESERVE}
 * requests) counts as taken until its JOIN claims it or it expires.
 *
 * <p>Rooms run on a worker pool of their own ({@link #ROOM_POOL}), not on
 * event loops: game code that blocks then holds one of its threads, never an
 * event loop that sockets, this registry or the management server need. A
 * watchdog on this verticle's loop fails a room whose game call has not
 * returned after {@code room.failTickMillis}, while it is still stuck.
 */
public final class RoomRegistryVerticle extends VerticleBase {
    private static final String REGISTRY_RESERVE = Addresses.REGISTRY_RESERVE;
    /** The rooms' worker pool: named, so rooms never compete with blocking work elsewhere for threads. */
    static final String ROOM_POOL = "arena-rooms";
    /**
     * As many threads as Vert.x has event loops by default (rooms ran on those before): each room's
     * work is ordered on one thread at a time, and a room stuck in game code holds one until it returns.
     */
    static final int ROOM_THREADS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    /** How long {@link #stop} waits for the rooms' queues to run dry before it closes their pool. */
    private static final long POOL_DRAIN_MILLIS = 2_000;

    private final BooleanSupplier shuttingDown;
    private final Map<String, OfferedGame> games = new LinkedHashMap<>();
    private final String defaultGame;
    private final int maxRooms;
    private final long tooSlowNanos;
    private final int maxFrameBytes;
    private final GameMetrics metrics;
    private final TickMonitor ticks;
    private final Directory directory;
    private final long reservationMillis;
    private final RoomDirectory rooms;
    private final Matchmaker matchmaker;
    private Reservations reservations;
    /** The watchdog's failTickMillis: the rooms of every game share the {@code room} section's. */
    private final int failTickMillis;
    private long watchdog = -1;
    /**
     * This registry's hold on the room pool, so that the pool outlives every room's tasks. Vert.x lets
     * go of a deployment's pool as it starts closing the deployment's context, and the context's ordered
     * queue then hands what it still holds to the pool: without this hold, the last room to stop shut
     * the pool down under its own tasks, and a RejectedExecutionException escaped on a room thread.
     * Rooms are this verticle's children, undeployed before its {@link #stop}, which lets go once their
     * queues have run dry.
     */
    private WorkerExecutor roomPool;

    /**
     * @param games             the games offered, in listing order
     * @param defaultGame       the game of a JOIN that names none ({@code room.game})
     * @param maxFrameBytes     {@code http.maxFrameBytes}, which bounds game MESSAGEs both ways
     * @param ticks             where the rooms report their schedule, for the readiness check and the watchdog
     * @param shuttingDown      true once the server drains before stopping: joins are refused from then on
     * @param directory         where joins are placed and this node's rooms published
     * @param reservationMillis how long a seat reserved here waits for its JOIN ({@code cluster.reservationMillis})
     */
    public RoomRegistryVerticle(List<OfferedGame> games, String defaultGame, long tooSlowNanos, int maxFrameBytes,
                                GameMetrics metrics, TickMonitor ticks, BooleanSupplier shuttingDown,
                                Directory directory, long reservationMillis) {
        games.forEach(g -> this.games.put(g.name(), g));
        if (!this.games.containsKey(defaultGame)) {
            throw new IllegalArgumentException("the default game " + defaultGame + " is not offered: " + this.games.keySet());
        }
        this.defaultGame = defaultGame;
        this.maxRooms = games.get(0).rooms().maxRooms();
        this.failTickMillis = games.get(0).rooms().failTickMillis();
        this.tooSlowNanos = tooSlowNanos;
        this.maxFrameBytes = maxFrameBytes;
        this.metrics = metrics;
        this.ticks = ticks;
        this.shuttingDown = shuttingDown;
        this.directory = directory;
        this.reservationMillis = reservationMillis;
        this.rooms = new RoomDirectory(directory.roomIdPrefix());
        this.matchmaker = new Matchmaker(rooms, maxRooms, this::open);
    }

    /** A lone node's registry: every join placed here. */
    public RoomRegistryVerticle(List<OfferedGame> games, String defaultGame, long tooSlowNanos, int maxFrameBytes,
                                GameMetrics metrics, TickMonitor ticks, BooleanSupplier shuttingDown) {
        this(games, defaultGame, tooSlowNanos, maxFrameBytes, metrics, ticks, shuttingDown, LocalDirectory.INSTANCE,
                10_000);
    }

    @Override
    public Future<?> start() {
        roomPool = vertx.createSharedWorkerExecutor(ROOM_POOL, ROOM_THREADS);
        reservations = new Reservations(vertx, reservationMillis, held -> {
            metrics.reservationExpired();
            RoomDirectory.Entry e = rooms.get(held.roomId());
            if (e != null && !held.spectate()) {
                e.reserved--;
                publish(e);
            }
        });
        EventBus bus = vertx.eventBus();
        // Checked a few times per failTickMillis: a stuck room fails within about 1.2 x failTickMillis.
        long period = Math.max(10, Math.min(1000, failTickMillis / 5));
        watchdog = vertx.setPeriodic(period, id -> failStuckRooms());
        return Future.all(List.of(
                bus.<JoinRequest>localConsumer(Addresses.REGISTRY_JOIN, this::onJoin).completion(),
                bus.<SeatRequest>localConsumer(REGISTRY_RESERVE, this::onReserve).completion(),
                bus.<JsonObject>localConsumer(Addresses.REGISTRY_LIST, this::onList).completion(),
                bus.localConsumer(Addresses.REGISTRY_GAMES,
                        msg -> msg.reply(RoomDirectory.games(games.values(), defaultGame, known()))).completion(),
                bus.<RoomStatus>localConsumer(Addresses.REGISTRY_STATUS, msg -> {
                    RoomDirectory.Entry e = rooms.get(msg.body().roomId());
                    if (e != null) {
                        e.report(msg.body());
                        publish(e);
                    }
                }).completion(),
                bus.<String>localConsumer(Addresses.REGISTRY_DISPOSE, msg -> {
                    RoomDirectory.Entry e = rooms.get(msg.body());
                    boolean disposable = e != null && e.players == 0 && e.spectators == 0 && e.pending == 0
                            && e.reserved == 0;
                    if (disposable) {
                        remove(e.id);
                    }
                    msg.reply(disposable);
                }).completion(),
                bus.<String>localConsumer(Addresses.REGISTRY_CLOSED, msg -> remove(msg.body())).completion(),
                bus.localConsumer(Addresses.REGISTRY_ADMIN_ROOMS,
                        msg -> msg.reply(AdminRoomList.of(known(), System.currentTimeMillis()))).completion()));
    }

    /** Every room the directory knows: this node's, fresh, and the others'. */
    private List<RoomListing> known() {
        List<RoomListing> all = new ArrayList<>();
        for (RoomDirectory.Entry e : rooms.all()) {
            all.add(directory.stamp(RoomDirectory.listing(e)));
        }
        all.addAll(directory.others());
        return all;
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(watchdog);
        List<Future<Void>> drained = new ArrayList<>();
        for (RoomDirectory.Entry e : rooms.all()) {
            if (e.verticle != null) {
                drained.add(e.verticle.drained(context));
            }
        }
        // Bounded: a room stuck in game code never drains, and must not hold the shutdown.
        return Future.join(drained).timeout(POOL_DRAIN_MILLIS, TimeUnit.MILLISECONDS)
                .eventually(() -> roomPool.close());
    }

    /** The watchdog: every room whose game call has run past room.failTickMillis fails, and leaves the directory. */
    private void failStuckRooms() {
        long now = System.nanoTime();
        long limit = failTickMillis * 1_000_000L;
        for (RoomDirectory.Entry e : List.copyOf(rooms.all())) {
            if (e.verticle != null && e.verticle.failIfStuck(now, limit)) {
                remove(e.id);
            }
        }
    }

    private void onList(Message<JsonObject> msg) {
        JsonObject query = msg.body() == null ? new JsonObject() : msg.body();
        String game = query.getString("game");
        if (game != null && game.isBlank()) {
            game = null;
        }
        if (game != null && !games.containsKey(game)) {
            msg.fail(404, "no game " + game + " on this server (it offers " + String.join(", ", games.keySet()) + ")");
            return;
        }
        Map<String, String> filters = new LinkedHashMap<>();
        query.getJsonObject("filters", new JsonObject()).forEach(e -> filters.put(e.getKey(), String.valueOf(e.getValue())));
        msg.reply(RoomDirectory.list(known(), game, filters));
    }

    private void onJoin(Message<JoinRequest> msg) {
        JoinRequest request = msg.body();
        if (shuttingDown.getAsBoolean()) {
            msg.reply(JoinResult.refused(CloseReason.SHUTTING_DOWN,
                    "the server is shutting down and takes no new players"));
            return;
        }
        if (request.reservation() != null) {
            claim(msg, request.reservation(), request.roomId());
            return;
        }
        boolean named = request.game() != null && !request.game().isBlank();
        OfferedGame game = games.get(named ? request.game().strip() : defaultGame);
        if (game == null) {
            msg.reply(JoinResult.refused(CloseReason.UNKNOWN_GAME, "no game " + request.game().strip()
                    + " on this server (it offers " + String.join(", ", games.keySet()) + ")"));
            return;
        }
        String code = PrivateCodes.normalize(request.privateCode());
        directory.place(new PlacementQuery(game.name(), request.roomId(), code, request.spectate(),
                request.createPrivate())).onComplete(placed -> {
            Placement p = placed.succeeded() ? placed.result()
                    : Placement.refused(CloseReason.UNKNOWN_ROOM, "no room could be found: " + placed.cause().getMessage());
            switch (p.kind()) {
                case HERE -> joinHere(msg, request, game, named, code);
                case RESERVED_HERE -> claim(msg, p.token(), p.roomId());
                case ELSEWHERE -> {
                    metrics.redirected();
                    msg.reply(JoinResult.redirected(p.url(), p.roomId(), p.token()));
                }
                case REFUSED -> msg.reply(JoinResult.refused(p.refusal(), p.message()));
            }
        });
    }

    /** Places a join among this node's own rooms, as a lone node does. */
    private void joinHere(Message<JoinRequest> msg, JoinRequest request, OfferedGame game, boolean named, String code) {
        Matchmaker.Choice choice = matchmaker.choose(game, named, request.roomId(), code, request.spectate(), request.createPrivate(), true);
        if (choice.refusal() != null) {
            msg.reply(choice.refusal());
        } else {
            forward(msg, choice.entry(), request);
        }
    }

    /** A JOIN presents the token of a seat reserved here: it takes that seat, or is refused with 4017. */
    private void claim(Message<JoinRequest> msg, String token, String roomId) {
        Reservations.Held held = reservations.claim(token);
        JoinRequest request = msg.body();
        if (held == null || (roomId != null && !roomId.equals(held.roomId())) || held.spectate() != request.spectate()) {
            msg.reply(JoinResult.refused(CloseReason.RESERVATION_INVALID, "the seat reservation is unknown here or"
                    + " has expired: join again where you first connected"));
            return;
        }
        RoomDirectory.Entry entry = rooms.get(held.roomId());
        if (entry == null) {
            msg.reply(JoinResult.refused(CloseReason.UNKNOWN_ROOM, "room " + held.roomId() + " has closed"));
            return;
        }
        if (!held.spectate()) {
            entry.reserved--;
        }
        forward(msg, entry, request);
    }

    /** Another node (or this one's directory) asks for a seat among this node's rooms. */
    private void onReserve(Message<SeatRequest> msg) {
        SeatRequest request = msg.body();
        if (shuttingDown.getAsBoolean()) {
            msg.reply(Reservation.refused(CloseReason.SHUTTING_DOWN, "the node is shutting down"));
            return;
        }
        OfferedGame game = games.get(request.game());
        if (game == null) {
            msg.reply(Reservation.refused(CloseReason.UNKNOWN_GAME, "no game " + request.game() + " on this node"));
            return;
        }
        int before = rooms.size();
        Matchmaker.Choice choice = matchmaker.choose(game, true, request.roomId(), request.privateCode(),
                request.spectate(), request.createPrivate(), request.mayOpen());
        if (choice.refusal() != null) {
            msg.reply(Reservation.refused(choice.refusal().refusal(), choice.refusal().message()));
            return;
        }
        RoomDirectory.Entry entry = choice.entry();
        String token = reservations.hold(entry.id, request.spectate());
        if (!request.spectate()) {
            entry.reserved++;
        }
        Future<Void> published = publish(entry);
        // A new room is answered once the directory holds it, so the next placement sees it and fills it.
        Future<Void> ready = rooms.size() > before ? entry.deployed.compose(v -> published) : Future.succeededFuture();
        ready.onComplete(done -> msg.reply(done.succeeded() ? Reservation.granted(entry.id, token)
                : Reservation.refused(CloseReason.UNKNOWN_ROOM, "room " + entry.id + " could not open: "
                + done.cause().getMessage())));
    }

    private void forward(Message<JoinRequest> msg, RoomDirectory.Entry target, JoinRequest request) {
        boolean seat = !request.spectate();
        if (seat) {
            target.pending++;
        }
        target.deployed
                .compose(v -> vertx.eventBus().<JoinResult>request(Addresses.roomJoin(target.id), request))
                .onComplete(reply -> {
                    if (seat) {
                        target.pending--;
                    }
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
                    if (rooms.get(target.id) == target) {
                        publish(target);
                    }
                });
    }

    private Future<Void> publish(RoomDirectory.Entry e) {
        return directory.publish(RoomDirectory.listing(e));
    }

    private void remove(String roomId) {
        if (rooms.get(roomId) != null) {
            rooms.remove(roomId);
            reservations.dropRoom(roomId);
            directory.withdraw(roomId);
        }
    }

    private RoomDirectory.Entry open(OfferedGame game, boolean isPrivate) {
        RoomDirectory.Entry entry = rooms.open(game, isPrivate);
        RoomSetup setup = new RoomSetup(entry.id, game, tooSlowNanos, maxFrameBytes, entry.code);
        entry.verticle = new RoomVerticle(setup, metrics, ticks, entry.openedAtMillis, directory::stamp);
        entry.deployed = vertx.deployVerticle(entry.verticle, new DeploymentOptions()
                        .setThreadingModel(ThreadingModel.WORKER).setWorkerPoolName(ROOM_POOL)
                        .setWorkerPoolSize(ROOM_THREADS))
                .onFailure(e -> remove(entry.id))
                .mapEmpty();
        return entry;
    }
}
