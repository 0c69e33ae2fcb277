package dev.arena.server.room;

import dev.arena.server.metrics.GameMetrics;
import dev.arena.server.protocol.CloseReason;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The node's room directory and matchmaker. It deploys rooms on demand,
 * forwards each join to its room and keeps a seat count per room (see
 * {@link RoomDirectory}). All on one event loop, so the directory needs no
 * locks.
 *
 * <p>A JOIN names a game (none: {@code room.game}). Quick-join picks the
 * fullest public room of that game with a free seat, so rooms fill before new
 * ones open; when every one is full it opens one, up to {@code room.maxRooms}
 * rooms of all games. A private room is opened on request, never listed and
 * joined only with its code. A spectator quick-join watches the game's
 * busiest public room. A seat held for a dropped player is taken.
 *
 * <p>Rooms run on a worker pool of their own ({@link #ROOM_POOL}), not on
 * event loops: game code that blocks then holds one of its threads, never an
 * event loop that sockets, this registry or the management server need. A
 * watchdog on this verticle's loop fails a room whose game call has not
 * returned after {@code room.failTickMillis}, while it is still stuck.
 */
public final class RoomRegistryVerticle extends VerticleBase {
    /** The rooms' worker pool: named, so rooms never compete with blocking work elsewhere for threads. */
    static final String ROOM_POOL = "arena-rooms";
    /**
     * As many threads as Vert.x has event loops by default (rooms ran on those before): each room's
     * work is ordered on one thread at a time, and a room stuck in game code holds one until it returns.
     */
    static final int ROOM_THREADS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private final BooleanSupplier shuttingDown;
    private final Map<String, OfferedGame> games = new LinkedHashMap<>();
    private final String defaultGame;
    private final int maxRooms;
    private final long tooSlowNanos;
    private final int maxFrameBytes;
    private final GameMetrics metrics;
    private final TickMonitor ticks;
    private final RoomDirectory rooms = new RoomDirectory();
    /** The watchdog's failTickMillis: the rooms of every game share the {@code room} section's. */
    private final int failTickMillis;
    private long watchdog = -1;

    /**
     * @param games         the games offered, in listing order
     * @param defaultGame   the game of a JOIN that names none ({@code room.game})
     * @param maxFrameBytes {@code http.maxFrameBytes}, which bounds game MESSAGEs both ways
     * @param ticks         where the rooms report their schedule, for the readiness check and the watchdog
     * @param shuttingDown  true once the server drains before stopping: joins are refused from then on
     */
    public RoomRegistryVerticle(List<OfferedGame> games, String defaultGame, long tooSlowNanos, int maxFrameBytes,
                                GameMetrics metrics, TickMonitor ticks, BooleanSupplier shuttingDown) {
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
    }

    @Override
    public Future<?> start() {
        EventBus bus = vertx.eventBus();
        // Checked a few times per failTickMillis: a stuck room fails within about 1.2 x failTickMillis.
        long period = Math.max(10, Math.min(1000, failTickMillis / 5));
        watchdog = vertx.setPeriodic(period, id -> failStuckRooms());
        return Future.all(List.of(
                bus.<JoinRequest>localConsumer(Addresses.REGISTRY_JOIN, this::onJoin).completion(),
                bus.<JsonObject>localConsumer(Addresses.REGISTRY_LIST, this::onList).completion(),
                bus.localConsumer(Addresses.REGISTRY_GAMES, msg -> msg.reply(rooms.games(games.values(), defaultGame)))
                        .completion(),
                bus.<RoomStatus>localConsumer(Addresses.REGISTRY_STATUS, msg -> {
                    RoomDirectory.Entry e = rooms.get(msg.body().roomId());
                    if (e != null) {
                        e.report(msg.body());
                    }
                }).completion(),
                bus.<String>localConsumer(Addresses.REGISTRY_DISPOSE, msg -> {
                    RoomDirectory.Entry e = rooms.get(msg.body());
                    boolean disposable = e != null && e.players == 0 && e.spectators == 0 && e.pending == 0;
                    if (disposable) {
                        rooms.remove(e.id);
                    }
                    msg.reply(disposable);
                }).completion(),
                bus.<String>localConsumer(Addresses.REGISTRY_CLOSED, msg -> rooms.remove(msg.body())).completion(),
                bus.localConsumer(Addresses.REGISTRY_ADMIN_ROOMS,
                        msg -> msg.reply(AdminRoomList.of(rooms.all(), System.currentTimeMillis()))).completion()));
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(watchdog);
        return Future.succeededFuture();
    }

    /** The watchdog: every room whose game call has run past room.failTickMillis fails, and leaves the directory. */
    private void failStuckRooms() {
        long now = System.nanoTime();
        long limit = failTickMillis * 1_000_000L;
        for (RoomDirectory.Entry e : List.copyOf(rooms.all())) {
            if (e.verticle != null && e.verticle.failIfStuck(now, limit)) {
                rooms.remove(e.id);
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
        msg.reply(rooms.list(game, filters));
    }

    private void onJoin(Message<JoinRequest> msg) {
        JoinRequest request = msg.body();
        if (shuttingDown.getAsBoolean()) {
            msg.reply(JoinResult.refused(CloseReason.SHUTTING_DOWN,
                    "the server is shutting down and takes no new players"));
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
        JoinResult refusal = null;
        RoomDirectory.Entry entry;
        if (request.createPrivate()) {
            entry = rooms.size() >= maxRooms ? null : open(game, true);
        } else if (code != null) {
            entry = rooms.byCode(code);
            if (entry == null || (request.roomId() != null && !request.roomId().equals(entry.id))) {
                refusal = JoinResult.refused(CloseReason.WRONG_CODE, "no private room has the code " + code
                        + (request.roomId() != null ? " and the id " + request.roomId() : ""));
            }
        } else if (request.roomId() != null) {
            entry = rooms.get(request.roomId());
            if (entry == null) {
                refusal = JoinResult.refused(CloseReason.UNKNOWN_ROOM, "no room " + request.roomId());
            } else if (entry.code != null) {
                refusal = JoinResult.refused(CloseReason.WRONG_CODE, "room " + entry.id + " is private: join it with its code");
            }
        } else if (request.spectate()) {
            entry = rooms.mostPlayers(game.name());
            if (entry == null) {
                refusal = JoinResult.refused(CloseReason.UNKNOWN_ROOM, "no public room of " + game.name() + " to watch");
            }
        } else {
            entry = rooms.fullestWithSpace(game.name());
            if (entry == null && rooms.size() < maxRooms) {
                entry = open(game, false);
            }
        }
        if (refusal == null && entry == null) {
            refusal = JoinResult.refused(CloseReason.SERVER_FULL, "the server is full: all " + maxRooms
                    + " rooms are open" + (request.createPrivate() ? "" : " and every " + game.name() + " room is full"));
        } else if (refusal == null && named && entry.game != game) {
            refusal = JoinResult.refused(CloseReason.UNKNOWN_ROOM, "room " + entry.id + " runs " + entry.game.name()
                    + ", not " + game.name());
        } else if (refusal == null && !request.spectate() && entry.seated() >= entry.capacity()) {
            refusal = JoinResult.refused(CloseReason.ROOM_FULL, "room " + entry.id + " is full (" + entry.capacity()
                    + " players)");
        }
        if (refusal != null) {
            msg.reply(refusal);
            return;
        }
        forward(msg, entry, request);
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
                });
    }

    private RoomDirectory.Entry open(OfferedGame game, boolean isPrivate) {
        RoomDirectory.Entry entry = rooms.open(game, isPrivate);
        RoomSetup setup = new RoomSetup(entry.id, game, tooSlowNanos, maxFrameBytes, entry.code);
        entry.verticle = new RoomVerticle(setup, metrics, ticks);
        entry.deployed = vertx.deployVerticle(entry.verticle, new DeploymentOptions()
                        .setThreadingModel(ThreadingModel.WORKER).setWorkerPoolName(ROOM_POOL)
                        .setWorkerPoolSize(ROOM_THREADS))
                .onFailure(e -> rooms.remove(entry.id))
                .mapEmpty();
        return entry;
    }
}
