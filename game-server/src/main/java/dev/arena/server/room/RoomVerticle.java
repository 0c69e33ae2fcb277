package dev.arena.server.room;

import dev.arena.server.config.RoomConfig;
import dev.arena.server.metrics.GameMetrics;
import dev.arena.server.protocol.CloseReason;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Runs one {@link Room} on one thread at a time: a {@link StepTimer} steps it on a fixed
 * schedule and event-bus consumers feed it joins, leaves, drops and resumes,
 * all on the verticle's context, so the room needs no locks. Inputs and game
 * messages bypass the bus: connections put them in the room's
 * {@link InputQueue}, which the next step drains. What the room list shows of
 * the room (players, spectators, metadata) is reported to the registry when
 * it changes. A room nobody is in asks the registry to dispose of it after
 * the configured grace period (a seat held for a dropped player keeps it
 * from being empty). Log lines carry the room's id, and the player's, in the
 * MDC ({@link LogIds}). An operator's requests (inspect, kick, notice,
 * close) come as JSON on {@link Addresses#roomOperator} ({@link RoomOperator}).
 *
 * <p>Game code fails this room alone. Anything it throws, errors included
 * (see {@link GameFaults#isFatal}), stops the room at once: its players get ERROR +
 * 4003, the failure is counted and logged, the room leaves the registry and
 * the tick monitor. A call that does not return is failed from outside by
 * the registry's watchdog ({@link #failIfStuck}); rooms run on a worker pool
 * of their own ({@link RoomRegistryVerticle}), so a stuck one holds one
 * worker thread and never an event loop that sockets or the registry need.
 */
public final class RoomVerticle extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(RoomVerticle.class);
    /** Rooms started in this JVM: each takes the next slot of the shared tick grid ({@link TickClock#onSharedGrid}). */
    private static final AtomicInteger STARTED = new AtomicInteger();

    private final RoomSetup setup;
    private final String roomId;
    private final RoomConfig config;
    private final GameMetrics metrics;
    private final TickMonitor monitor;
    private final long openedAtMillis;
    private final UnaryOperator<RoomListing> stamp;
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();
    /** Set once the players were let go (the room failed or stops); from then on no game code runs. */
    private final AtomicBoolean ended = new AtomicBoolean();
    /** Volatile, as {@link #schedule}: the watchdog reads them from its own thread. */
    private volatile Room room;
    private TickClock clock;
    private volatile TickMonitor.Entry schedule;
    /** The thread inside game code now, for the watchdog's log and interrupt; cleared under {@link #busyLock}. */
    private volatile Thread busyThread;
    private final Object busyLock = new Object();
    /** Wakes the room at each step instant; cancelled once the room ends, from whichever thread ends it. */
    private volatile StepTimer stepTimer;
    private long emptySince;
    private boolean disposing;

    /**
     * @param monitor        where this room reports its schedule, for the readiness check and the watchdog
     * @param openedAtMillis when the registry opened it (ms since the Unix epoch), as operators see it
     * @param stamp          adds its node and that node's URL to what operators see of it ({@link Directory#stamp})
     */
    public RoomVerticle(RoomSetup setup, GameMetrics metrics, TickMonitor monitor, long openedAtMillis,
                        UnaryOperator<RoomListing> stamp) {
        this.setup = setup;
        this.openedAtMillis = openedAtMillis;
        this.stamp = stamp;
        this.roomId = setup.id();
        this.config = setup.game().rooms();
        this.metrics = metrics;
        this.monitor = monitor;
    }

    @Override
    public Future<?> start() {
        try {
            room = new Room(setup, new SplittableRandom(), metrics);
        } catch (Throwable e) {
            if (GameFaults.isFatal(e)) {
                throw e;
            }
            // The game is created here: one that throws in its constructor fails this room's deployment only
            // (the registry drops a room that fails to deploy).
            try (var ids = ids(0)) {
                log.error("room {} could not start: the game {} threw", roomId, config.game(), e);
            }
            metrics.roomFailed();
            ended.set(true);
            return Future.failedFuture(e);
        }
        long now = System.nanoTime();
        clock = TickClock.onSharedGrid(config.tickHz(), config.maxCatchUpTicks(), now, STARTED.getAndIncrement());
        schedule = monitor.register(roomId, clock.nextDueNanos());
        metrics.roomStarted();
        EventBus bus = vertx.eventBus();
        consumers.add(bus.<JoinRequest>localConsumer(Addresses.roomJoin(roomId), msg -> {
            JoinRequest request = msg.body();
            JoinResult result = guarded(() -> room.join(request.name(), request.spectate(), request.channel(),
                    request.resumeToken()));
            if (result == null) {
                result = JoinResult.refused(CloseReason.UNKNOWN_ROOM, "room " + roomId + " has closed");
            } else if (result.accepted() && log.isDebugEnabled()) {
                try (var ids = ids(result.playerId())) {
                    log.debug("player {} joined room {} ({} players)", result.playerId(), roomId, result.players());
                }
            }
            // The reply carries the new player count: a separate status message would reach the
            // registry before the reply and count the seat twice for a moment.
            msg.reply(result);
            reportIfChanged();
        }));
        consumers.add(bus.<Integer>localConsumer(Addresses.roomLeave(roomId), msg -> {
            if (log.isDebugEnabled()) {
                try (var ids = ids(msg.body())) {
                    log.debug("player {} left room {}", msg.body(), roomId);
                }
            }
            guarded(() -> {
                room.leave(msg.body());
                return null;
            });
            reportStatus();
        }));
        consumers.add(bus.<SeatEvent>localConsumer(Addresses.roomDisconnect(roomId), msg -> {
            if (log.isDebugEnabled()) {
                try (var ids = ids(msg.body().playerId())) {
                    log.debug("player {} dropped from room {}: seat held", msg.body().playerId(), roomId);
                }
            }
            guarded(() -> {
                room.disconnect(msg.body().playerId(), msg.body().generation());
                return null;
            });
        }));
        consumers.add(bus.<ResumeRequest>localConsumer(Addresses.roomResume(roomId), msg -> {
            ResumeRequest r = msg.body();
            boolean resumed = Boolean.TRUE.equals(guarded(() -> room.resume(r.playerId(), r.generation(), r.lastTick(),
                    r.channel(), r.resumeToken())));
            if (log.isDebugEnabled()) {
                try (var ids = ids(r.playerId())) {
                    log.debug("player {} {} room {}", r.playerId(), resumed ? "resumed in" : "could not resume in", roomId);
                }
            }
            msg.reply(resumed);
        }));
        RoomOperator operator = new RoomOperator(room, openedAtMillis, stamp, action -> guarded(() -> {
            action.run();
            return Boolean.TRUE;
        }), this::reportStatus, this::closeByOperator, ended::get);
        // Clustered (JSON only): the admin API of any node of a cluster reaches the room here.
        consumers.add(bus.<JsonObject>consumer(Addresses.roomOperator(roomId), operator::handle));
        // The game may have set metadata as it started.
        reportIfChanged();
        emptySince = now;
        try (var ids = ids(0)) {
            log.info("room {} opened ({}, {} Hz)", roomId, config.game(), config.tickHz());
        }
        stepTimer = new StepTimer((ContextInternal) context, this::onTimer);
        // Also on an undeploy that never reaches stop() (a start that fails after this line).
        ((ContextInternal) context).addCloseHook(completion -> {
            stepTimer.cancel();
            completion.succeed();
        });
        stepTimer.start(clock.nextDueNanos(), clock.periodNanos());
        return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
    }

    @Override
    public Future<?> stop() {
        end(CloseReason.GOING_AWAY, "the server is shutting down");
        if (room != null) {
            // On the room's own thread, after any call that was stuck has returned: nothing is sent after this.
            room.dispose();
        }
        return Future.succeededFuture();
    }

    private void onTimer() {
        if (ended.get()) {
            return;
        }
        long now = System.nanoTime();
        int steps = clock.advance(now);
        // Reported before the steps run, so steps that block this room show as a room falling behind.
        schedule.update(clock.nextDueNanos(), clock.lastLateness());
        if (steps > 0) {
            metrics.tickLateness(clock.lastLateness());
            if (steps > 1 || clock.lastDropped() > 0) {
                metrics.tickOverrun();
            }
            if (clock.lastDropped() > 0) {
                metrics.ticksDropped((int) clock.lastDropped());
            }
            boolean sendDue = false;
            double dt = 1.0 / config.tickHz();
            for (int i = 0; i < steps; i++) {
                long tick = room.tick() + 1;
                if (guarded(() -> {
                    room.step(tick, dt);
                    return Boolean.TRUE;
                }) == null) {
                    return;
                }
                sendDue |= sendDue(tick);
            }
            // Guarded too: anything escaping this timer would stop the room without a word.
            if (sendDue && guarded(() -> {
                room.send(System.nanoTime());
                return Boolean.TRUE;
            }) == null) {
                return;
            }
            reportIfChanged();
        }
        checkEmpty(now);
    }

    /** Whether the update rate, spread evenly over the ticks, has a send at this tick. */
    private boolean sendDue(long tick) {
        return tick * config.sendHz() / config.tickHz() != (tick - 1) * config.sendHz() / config.tickHz();
    }

    private void checkEmpty(long now) {
        if (!room.empty()) {
            emptySince = now;
            return;
        }
        if (!disposing && now - emptySince >= config.emptyGraceMillis() * 1_000_000L) {
            disposing = true;
            vertx.eventBus().<Boolean>request(Addresses.REGISTRY_DISPOSE, roomId).onComplete(reply -> {
                disposing = false;
                if (reply.succeeded() && Boolean.TRUE.equals(reply.result().body())) {
                    try (var ids = ids(0)) {
                        log.info("room {} closed: empty for {} ms", roomId, config.emptyGraceMillis());
                    }
                    vertx.undeploy(deploymentID());
                } else {
                    emptySince = System.nanoTime();
                }
            });
        }
    }

    private LogIds ids(int playerId) {
        return LogIds.of(roomId, playerId);
    }

    private void reportStatus() {
        if (!ended.get()) {
            room.takeStatusChange();
            vertx.eventBus().send(Addresses.REGISTRY_STATUS,
                    new RoomStatus(roomId, room.players(), room.spectators(), room.metadata()));
        }
    }

    /** Reports spectators or metadata that changed: the player count travels with join replies and leaves. */
    private void reportIfChanged() {
        if (!ended.get() && room.takeStatusChange()) {
            reportStatus();
        }
    }

    /**
     * Runs game code, or the room's own work around it, on the room's thread.
     * Returns null, without running it, once the room has ended; and when it
     * throws (the room fails) or ran so long that the watchdog failed the room
     * meanwhile (what it did is discarded). Marks the room busy while it runs,
     * for the watchdog, and counts a call slower than {@code room.maxTickMillis}.
     */
    private <T> T guarded(Supplier<T> action) {
        if (ended.get()) {
            return null;
        }
        long start = System.nanoTime();
        busyThread = Thread.currentThread();
        schedule.busy(start);
        T result;
        try {
            result = action.get();
        } catch (Throwable e) {
            if (GameFaults.isFatal(e)) {
                throw (VirtualMachineError) e;
            }
            fail(e);
            return null;
        } finally {
            schedule.idle();
            synchronized (busyLock) {
                busyThread = null;
            }
            if (ended.get()) {
                // The watchdog's interrupt, if one came, must not reach the next task of this pool thread.
                Thread.interrupted();
            }
        }
        long took = System.nanoTime() - start;
        if (took > config.maxTickMillis() * 1_000_000L) {
            metrics.tickTooLong();
            try (var ids = ids(0)) {
                log.warn("room {}: game code ran for {} ms, over room.maxTickMillis ({} ms)", roomId, took / 1_000_000,
                        config.maxTickMillis());
            }
        }
        if (ended.get()) {
            // The watchdog failed the room while this call was stuck; it has returned at last. Its players
            // were let go and no frame can reach them: drop what it did, stop the timer, free the context.
            try (var ids = ids(0)) {
                log.warn("room {}: the stuck game call returned after {} ms; the room had failed, its result is "
                        + "discarded", roomId, took / 1_000_000);
            }
            vertx.undeploy(deploymentID());
            return null;
        }
        return result;
    }

    /** An operator closed the room: its clients get ERROR + 4015, it leaves the registry and stops. */
    private boolean closeByOperator(String message) {
        int players = room.players();
        int spectators = room.spectators();
        boolean closed = stopHere(CloseReason.CLOSED_BY_OPERATOR, message);
        if (closed) {
            try (var ids = ids(0)) {
                log.info("room {} closed by an operator ({} players, {} spectators let go)", roomId, players, spectators);
            }
        }
        return closed;
    }

    /** The game threw: this room stops now, on its own thread. */
    private void fail(Throwable cause) {
        if (stopHere(CloseReason.ROOM_CLOSED, "room " + roomId + " closed: the game failed")) {
            try (var ids = ids(0)) {
                log.error("room {} stopped: it threw", roomId, cause);
            }
            metrics.roomFailed();
        }
    }

    /**
     * Stops this room for good, on its own thread: out of the directory first (so that fewer joins race to a room
     * that is going), its clients let go with {@code reason}, its timer and deployment gone.
     *
     * @return whether this call let the clients go (false when the room had ended already)
     */
    private boolean stopHere(CloseReason reason, String message) {
        if (!ended.get()) {
            vertx.eventBus().send(Addresses.REGISTRY_CLOSED, roomId);
        }
        boolean closed = end(reason, message);
        vertx.undeploy(deploymentID());
        return closed;
    }

    /**
     * Completes on {@code notify} once every task queued on this room's
     * thread until now has run, also after the room was undeployed (its
     * ordered queue goes on running what it holds). Never completes while a
     * game call is stuck. Any thread.
     */
    Future<Void> drained(Context notify) {
        Promise<Void> done = ((ContextInternal) notify).promise();
        context.runOnContext(v -> done.tryComplete());
        return done.future();
    }

    /**
     * Fails this room from outside when a game call has been running for more
     * than {@code failTickNanos} at {@code nowNanos}: its players are let go
     * (ERROR + 4003) and it leaves the tick monitor now, while its thread is
     * still stuck; the caller drops it from the directory. The stuck thread is
     * interrupted, which ends a sleep or a wait early; when the call returns,
     * {@link #guarded} discards its result and undeploys the room. Any thread.
     *
     * @return whether this call failed the room
     */
    boolean failIfStuck(long nowNanos, long failTickNanos) {
        long busy = schedule == null ? 0 : schedule.busyFor(nowNanos);
        if (busy <= failTickNanos || !end(CloseReason.ROOM_CLOSED,
                "room " + roomId + " closed: its game stopped responding")) {
            return false;
        }
        Thread stuck = busyThread;
        Exception where = GameFaults.stuckAt(roomId, busy / 1_000_000, stuck);
        try (var ids = ids(0)) {
            // Logged from the watchdog's thread: the MDC is set here, not inherited from the stuck one.
            log.error("room {} failed: a game call has not returned for {} ms (room.failTickMillis {} ms); its "
                    + "players were closed and it left the directory", roomId, busy / 1_000_000,
                    failTickNanos / 1_000_000, where);
        }
        metrics.roomFailed();
        synchronized (busyLock) {
            // Under the lock the room's thread clears busyThread with: never an interrupt for another task.
            if (busyThread != null) {
                busyThread.interrupt();
            }
        }
        return true;
    }

    /** Lets the players go once, whichever of a failure and a stop comes first. Any thread. */
    private boolean end(CloseReason reason, String message) {
        if (!ended.compareAndSet(false, true)) {
            return false;
        }
        monitor.unregister(schedule);
        StepTimer timer = stepTimer;
        if (timer != null) {
            timer.cancel();
        }
        if (room != null) {
            room.closeAll(reason, message);
        }
        metrics.roomStopped();
        return true;
    }
}
