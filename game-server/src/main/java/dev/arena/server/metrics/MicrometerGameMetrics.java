package dev.arena.server.metrics;

import dev.arena.server.game.MessageTypes;
import dev.arena.server.protocol.CloseReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.function.Function;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link GameMetrics} over Micrometer. Names are in base units (seconds,
 * bytes) and every timing or size is a histogram with explicit buckets, so
 * Prometheus' {@code histogram_quantile} works on it (and aggregates across
 * servers, which client-side percentiles would not). Every meter, and every
 * known reason of a labelled counter, is registered here at zero, so a scrape
 * always lists all of them. docs/OPERATIONS.md lists every meter.
 */
public final class MicrometerGameMetrics implements GameMetrics {
    private final Timer tickDuration;
    private final Timer tickLateness;
    private final Counter tickOverruns;
    private final Counter ticksDropped;
    private final Timer sendDuration;
    private final Timer inputLatency;
    private final Timer roundTrip;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger players = new AtomicInteger();
    private final AtomicInteger rooms = new AtomicInteger();
    private final Counter connectionsOpened;
    private final Counter joins;
    private final Counter leaves;
    private final Counter roomsFailed;
    private final Counter ticksSlow;
    private final AtomicInteger seatsHeld = new AtomicInteger();
    private final Map<ResumeResult, Counter> resumes = new EnumMap<>(ResumeResult.class);
    private final Counter framesReceived;
    private final Counter bytesReceived;
    private final Counter framesSent;
    private final Counter bytesSent;
    private final DistributionSummary fullSize;
    private final DistributionSummary deltaSize;
    private final DistributionSummary updateEntities;
    private final DistributionSummary updateSize;
    private final DistributionSummary cellsEncoded;
    private final Counter snapshotsSkipped;
    private final Counter inputsDropped;
    private final Counter redirects;
    private final Counter reservationsExpired;
    private final ByReason closes;
    private final ByReason refusals;
    private final ByReason rejections;
    private final ByReason upgradeRefusals;
    private final MeterRegistry registry;
    private final Map<String, GameMeters> games = new ConcurrentHashMap<>();

    public MicrometerGameMetrics(MeterRegistry registry) {
        this.registry = registry;
        tickDuration = Timer.builder("arena.tick.duration")
                .description("Wall time of one simulation step (inputs applied and the game's tick)")
                .serviceLevelObjectives(millis(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100, 250))
                .register(registry);
        tickLateness = Timer.builder("arena.tick.lateness")
                .description("How late a room's timer ran its steps against their schedule")
                .serviceLevelObjectives(millis(0.5, 1, 2, 5, 10, 25, 50, 100, 250, 500, 1000))
                .register(registry);
        tickOverruns = Counter.builder("arena.tick.overruns")
                .description("Timer wake-ups that found more than one step due (a room fell a tick period behind)")
                .register(registry);
        ticksDropped = Counter.builder("arena.ticks.dropped")
                .description("Steps skipped because a room fell further behind than room.maxCatchUpTicks")
                .register(registry);
        sendDuration = Timer.builder("arena.send.duration")
                .description("Wall time of one send tick: capture, encode and write the update to every client")
                .serviceLevelObjectives(millis(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100, 250))
                .register(registry);
        inputLatency = Timer.builder("arena.input.latency")
                .description("From an input frame's arrival to the write of the first update reflecting it")
                .serviceLevelObjectives(millis(5, 10, 20, 30, 40, 50, 60, 75, 100, 150, 250, 500, 1000, 2000))
                .register(registry);
        roundTrip = Timer.builder("arena.rtt")
                .description("Round-trip time from a server PING to the client's PONG")
                .serviceLevelObjectives(millis(1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000))
                .register(registry);
        gauge(registry, "arena.connections.active", "Open WebSocket connections", connections);
        gauge(registry, "arena.players.connected", "Players seated in a room", players);
        gauge(registry, "arena.rooms.active", "Rooms ticking", rooms);
        connectionsOpened = counter(registry, "arena.connections.opened", "WebSocket connections opened");
        joins = counter(registry, "arena.joins", "Players that took a seat in a room");
        leaves = counter(registry, "arena.leaves", "Players that left a room (leave, disconnect or room stop)");
        roomsFailed = counter(registry, "arena.rooms.failed",
                "Rooms stopped because their game code threw or did not return within room.failTickMillis");
        ticksSlow = counter(registry, "arena.ticks.slow", "Game calls (ticks, joins, inputs...) longer than room.maxTickMillis");
        gauge(registry, "arena.seats.held", "Seats held for a player whose connection dropped, waiting for a RESUME",
                seatsHeld);
        for (ResumeResult result : ResumeResult.values()) {
            resumes.put(result, Counter.builder("arena.resumes").tag("result", result.label())
                    .description("RESUME requests, by result").register(registry));
        }
        framesReceived = counter(registry, "arena.frames.received", "Binary WebSocket messages received");
        bytesReceived = Counter.builder("arena.received").baseUnit("bytes")
                .description("WebSocket payload bytes received").register(registry);
        framesSent = counter(registry, "arena.frames.sent", "WebSocket messages written, one per recipient");
        bytesSent = Counter.builder("arena.sent").baseUnit("bytes")
                .description("WebSocket payload bytes written, counted per recipient").register(registry);
        fullSize = sizeSummary(registry, "full");
        deltaSize = sizeSummary(registry, "delta");
        updateEntities = DistributionSummary.builder("arena.update.entities")
                .description("Entities in the view of one client after one update, in rooms with views")
                .serviceLevelObjectives(1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000)
                .register(registry);
        updateSize = DistributionSummary.builder("arena.update.size").baseUnit("bytes")
                .description("Size of the state update written to one client of a room with views")
                .serviceLevelObjectives(32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 65536)
                .register(registry);
        cellsEncoded = DistributionSummary.builder("arena.view.cells.encoded")
                .description("Grid cells whose entities' changes one send tick of a room with views encoded")
                .serviceLevelObjectives(1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000)
                .register(registry);
        snapshotsSkipped = counter(registry, "arena.snapshots.skipped",
                "Updates not sent to a client whose socket was congested");
        inputsDropped = counter(registry, "arena.inputs.dropped", "Inputs dropped on a full room input queue");
        redirects = counter(registry, "arena.redirects",
                "Joins answered with REDIRECT: the seat was reserved on another node of the cluster");
        reservationsExpired = counter(registry, "arena.reservations.expired",
                "Seats reserved for redirected players and released because no JOIN claimed them in time");
        closes = new ByReason(registry, "arena.connections.closed", "WebSocket connections closed, by reason",
                MetricReasons.labels(MetricReasons.CONNECTION_CLOSES));
        refusals = new ByReason(registry, "arena.joins.refused", "Joins refused, by reason",
                MetricReasons.labels(MetricReasons.JOIN_REFUSALS));
        rejections = new ByReason(registry, "arena.frames.rejected", "Client frames refused (the connection is closed), by reason",
                MetricReasons.labels(MetricReasons.FRAME_REJECTIONS));
        upgradeRefusals = new ByReason(registry, "arena.upgrades.refused",
                "Connections refused before the WebSocket upgrade (503, 403 or handshake timeout), by reason",
                MetricReasons.UPGRADE_REFUSALS);
    }

    private static void gauge(MeterRegistry registry, String name, String description, AtomicInteger value) {
        // A strong reference: Micrometer otherwise holds gauge state weakly and reports NaN once it is collected.
        Gauge.builder(name, value, AtomicInteger::get).description(description).strongReference(true).register(registry);
    }

    private static Counter counter(MeterRegistry registry, String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }

    /** One counter per label of a closed set, plus {@link MetricReasons#OTHER}; all registered now, at zero. */
    private static final class ByReason {
        private final Map<String, Counter> known;
        private final Counter other;

        ByReason(MeterRegistry registry, String name, String description, Set<String> labels) {
            known = labels.stream().collect(Collectors.toUnmodifiableMap(Function.identity(),
                    label -> Counter.builder(name).description(description).tag("reason", label).register(registry)));
            other = Counter.builder(name).description(description).tag("reason", MetricReasons.OTHER).register(registry);
        }

        /** Counts a reason; one outside the set (a join refusal passed as a frame rejection, or null) as other. */
        void increment(CloseReason reason) {
            increment(reason == null ? null : reason.label());
        }

        void increment(String label) {
            // Immutable maps refuse a null key, and a null reason must not throw on a close path.
            Counter counter = label == null ? null : known.get(label);
            (counter != null ? counter : other).increment();
        }
    }

    private static DistributionSummary sizeSummary(MeterRegistry registry, String type) {
        return DistributionSummary.builder("arena.snapshot.size").baseUnit("bytes").tag("type", type)
                .description("Size of one encoded state update (full snapshot or delta), once per encode")
                .serviceLevelObjectives(32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 65536)
                .register(registry);
    }

    private static Duration[] millis(double... values) {
        Duration[] out = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Duration.ofNanos((long) (values[i] * 1_000_000));
        }
        return out;
    }

    @Override
    public void tickDuration(long nanos) {
        tickDuration.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void tickLateness(long nanos) {
        tickLateness.record(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    @Override
    public void tickOverrun() {
        tickOverruns.increment();
    }

    @Override
    public void ticksDropped(int steps) {
        ticksDropped.increment(steps);
    }

    @Override
    public void sendDuration(long nanos) {
        sendDuration.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void inputLatency(long nanos) {
        inputLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void roundTrip(long nanos) {
        roundTrip.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void upgradeRefused(String reason) {
        upgradeRefusals.increment(reason);
    }

    @Override
    public void connectionOpened() {
        connections.incrementAndGet();
        connectionsOpened.increment();
    }

    @Override
    public void connectionClosed(CloseReason reason) {
        closes.increment(reason);
    }

    @Override
    public void connectionEnded() {
        connections.decrementAndGet();
    }

    @Override
    public void playerJoined() {
        players.incrementAndGet();
        joins.increment();
    }

    @Override
    public void playerLeft() {
        players.decrementAndGet();
        leaves.increment();
    }

    @Override
    public void joinRefused(CloseReason reason) {
        refusals.increment(reason);
    }

    @Override
    public void redirected() {
        redirects.increment();
    }

    @Override
    public void reservationExpired() {
        reservationsExpired.increment();
    }

    @Override
    public GameMeters game(String name, MessageTypes types) {
        return games.computeIfAbsent(name, n -> new MicrometerGameMeters(registry, n, types));
    }

    @Override
    public void roomStarted() {
        rooms.incrementAndGet();
    }

    @Override
    public void roomStopped() {
        rooms.decrementAndGet();
    }

    @Override
    public void roomFailed() {
        roomsFailed.increment();
    }

    @Override
    public void tickTooLong() {
        ticksSlow.increment();
    }

    @Override
    public void resume(ResumeResult result) {
        resumes.get(result).increment();
    }

    @Override
    public void seatsHeld(int delta) {
        seatsHeld.addAndGet(delta);
    }

    @Override
    public void frameReceived(int bytes) {
        framesReceived.increment();
        bytesReceived.increment(bytes);
    }

    @Override
    public void frameSent(int bytes) {
        framesSent.increment();
        bytesSent.increment(bytes);
    }

    @Override
    public void snapshotEncoded(boolean full, int bytes) {
        (full ? fullSize : deltaSize).record(bytes);
    }

    @Override
    public void updateSent(int entities, int bytes) {
        updateEntities.record(entities);
        updateSize.record(bytes);
    }

    @Override
    public void cellsEncoded(int cells) {
        cellsEncoded.record(cells);
    }

    @Override
    public void snapshotSkipped() {
        snapshotsSkipped.increment();
    }

    @Override
    public void frameRejected(CloseReason reason) {
        rejections.increment(reason);
    }

    @Override
    public void inputDropped() {
        inputsDropped.increment();
    }
}
