package dev.arena.server.room;

import dev.arena.server.config.RoomConfig;
import dev.arena.server.metrics.GameMetrics;
import dev.arena.server.protocol.CloseReason;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs one {@link Room} on one event loop: a timer steps it on a fixed
 * schedule and event-bus consumers feed it joins and leaves, all on the same
 * thread, so the room needs no locks. Inputs and game messages bypass the
 * bus: connections put them in the room's {@link InputQueue}, which the next
 * step drains. An exception from game code stops this room alone: its
 * players get ERROR + 4003, the failure is counted and logged. What the room
 * list shows of the room (players, spectators, metadata) is reported to the
 * registry when it changes. A room nobody is in asks the registry to dispose
 * of it after the configured grace period.
 */
public final class RoomVerticle extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(RoomVerticle.class);

    private final RoomSetup setup;
    private final String roomId;
    private final RoomConfig config;
    private final GameMetrics metrics;
    private final TickMonitor monitor;
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();
    private Room room;
    private TickClock clock;
    private TickMonitor.Entry schedule;
    private long timerId = -1;
    private long emptySince;
    private boolean disposing;
    private boolean stopped;

    /** @param monitor where this room reports its schedule, for the readiness check */
    public RoomVerticle(RoomSetup setup, GameMetrics metrics, TickMonitor monitor) {
        this.setup = setup;
        this.roomId = setup.id();
        this.config = setup.game().rooms();
        this.metrics = metrics;
        this.monitor = monitor;
    }

    @Override
    public Future<?> start() {
        try {
            room = new Room(setup, new SplittableRandom(), metrics);
        } catch (RuntimeException e) {
            // The game is created here: one that throws in its constructor fails this room's deployment only.
            log.error("room {} could not start: the game {} threw", roomId, config.game(), e);
            metrics.roomFailed();
            stopped = true;
            return Future.failedFuture(e);
        }
        EventBus bus = vertx.eventBus();
        consumers.add(bus.<JoinRequest>localConsumer(Addresses.roomJoin(roomId), msg -> {
            JoinRequest request = msg.body();
            JoinResult result = guarded(() -> room.join(request.name(), request.spectate(), request.channel()));
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
        // The game may have set metadata as it started.
        reportIfChanged();
        long now = System.nanoTime();
        clock = new TickClock(config.tickHz(), config.maxCatchUpTicks(), now);
        schedule = monitor.register(roomId, clock.nextDueNanos());
        emptySince = now;
        metrics.roomStarted();
        try (var ids = ids(0)) {
            log.info("room {} opened ({}, {} Hz)", roomId, config.game(), config.tickHz());
        }
        schedule(now);
        return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
    }

    @Override
    public Future<?> stop() {
        if (!stopped) {
            stopped = true;
            vertx.cancelTimer(timerId);
            monitor.unregister(schedule);
            room.closeAll(CloseReason.GOING_AWAY, "the server is shutting down");
            metrics.roomStopped();
        }
        return Future.succeededFuture();
    }

    private void schedule(long nowNanos) {
        long delayMillis = Math.max(1, (clock.untilNext(nowNanos) + 999_999) / 1_000_000);
        timerId = vertx.setTimer(delayMillis, id -> onTimer());
    }

    private void onTimer() {
        if (stopped) {
            return;
        }
        long now = System.nanoTime();
        int steps = clock.advance(now);
        // Reported before the steps run, so steps that block this loop show as a room falling behind.
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
            // Guarded too: an exception escaping this timer would stop the room without a word.
            if (sendDue && guarded(() -> {
                room.send(System.nanoTime());
                return Boolean.TRUE;
            }) == null) {
                return;
            }
            reportIfChanged();
        }
        checkEmpty(now);
        schedule(System.nanoTime());
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
        if (!stopped) {
            room.takeStatusChange();
            vertx.eventBus().send(Addresses.REGISTRY_STATUS,
                    new RoomStatus(roomId, room.players(), room.spectators(), room.metadata()));
        }
    }

    /** Reports spectators or metadata that changed: the player count travels with join replies and leaves. */
    private void reportIfChanged() {
        if (!stopped && room.takeStatusChange()) {
            reportStatus();
        }
    }

    /**
     * Runs game code or the room's own work on the timer; on an exception, fails
     * this room (players get 4003) and returns null.
     */
    private <T> T guarded(java.util.function.Supplier<T> action) {
        if (stopped) {
            return null;
        }
        try {
            return action.get();
        } catch (RuntimeException e) {
            try (var ids = ids(0)) {
                log.error("room {} stopped: it threw", roomId, e);
            }
            metrics.roomFailed();
            stopped = true;
            vertx.cancelTimer(timerId);
            monitor.unregister(schedule);
            room.closeAll(CloseReason.ROOM_CLOSED, "room " + roomId + " closed: the game failed");
            metrics.roomStopped();
            vertx.eventBus().send(Addresses.REGISTRY_CLOSED, roomId);
            vertx.undeploy(deploymentID());
            return null;
        }
    }
}
