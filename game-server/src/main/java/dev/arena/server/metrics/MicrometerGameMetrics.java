package dev.arena.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link GameMetrics} over Micrometer. Names are in base units and histograms
 * have explicit buckets, so Prometheus' {@code histogram_quantile} works on
 * them; docs/OPERATIONS.md lists every meter.
 */
public final class MicrometerGameMetrics implements GameMetrics {
    private final MeterRegistry registry;
    private final Timer tickDuration;
    private final Timer tickLateness;
    private final Counter ticksDropped;
    private final Timer inputLatency;
    private final Timer roundTrip;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger players = new AtomicInteger();
    private final AtomicInteger rooms = new AtomicInteger();
    private final Counter connectionsOpened;
    private final Counter joins;
    private final Counter leaves;
    private final Counter roomsFailed;
    private final Counter framesReceived;
    private final Counter bytesReceived;
    private final Counter framesSent;
    private final Counter bytesSent;
    private final DistributionSummary fullSize;
    private final DistributionSummary deltaSize;
    private final Counter snapshotsSkipped;
    private final Counter inputsDropped;
    private final ConcurrentHashMap<String, Counter> closes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter> refusals = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter> rejections = new ConcurrentHashMap<>();

    public MicrometerGameMetrics(MeterRegistry registry) {
        this.registry = registry;
        tickDuration = Timer.builder("arena.tick.duration").description("Wall time of one simulation step")
                .serviceLevelObjectives(millis(0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100)).register(registry);
        tickLateness = Timer.builder("arena.tick.lateness").description("How late a tick started against its schedule")
                .serviceLevelObjectives(millis(1, 2, 5, 10, 25, 50, 100, 250)).register(registry);
        ticksDropped = Counter.builder("arena.ticks.dropped").description("Steps skipped past the catch-up cap").register(registry);
        inputLatency = Timer.builder("arena.input.latency")
                .description("From an input frame's arrival to the write of the first update reflecting it")
                .serviceLevelObjectives(millis(5, 10, 20, 30, 40, 50, 60, 75, 100, 150, 250, 500, 1000)).register(registry);
        roundTrip = Timer.builder("arena.rtt").description("Round-trip time of server PING to client PONG")
                .serviceLevelObjectives(millis(1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)).register(registry);
        registry.gauge("arena.connections", connections);
        registry.gauge("arena.players.connected", players);
        registry.gauge("arena.rooms.active", rooms);
        connectionsOpened = Counter.builder("arena.connections.opened").register(registry);
        joins = Counter.builder("arena.joins").description("Players that joined a room").register(registry);
        leaves = Counter.builder("arena.leaves").description("Players that left a room").register(registry);
        roomsFailed = Counter.builder("arena.rooms.failed").description("Rooms stopped by an exception in game code").register(registry);
        framesReceived = Counter.builder("arena.frames.received").register(registry);
        bytesReceived = Counter.builder("arena.received").baseUnit("bytes").description("WebSocket payload bytes received").register(registry);
        framesSent = Counter.builder("arena.frames.sent").register(registry);
        bytesSent = Counter.builder("arena.sent").baseUnit("bytes").description("WebSocket payload bytes sent").register(registry);
        fullSize = sizeSummary("full");
        deltaSize = sizeSummary("delta");
        snapshotsSkipped = Counter.builder("arena.snapshots.skipped").description("Updates not sent to congested clients").register(registry);
        inputsDropped = Counter.builder("arena.inputs.dropped").description("Inputs dropped on a full room input queue").register(registry);
    }

    private DistributionSummary sizeSummary(String type) {
        return DistributionSummary.builder("arena.snapshot.size").baseUnit("bytes").tag("type", type)
                .description("Size of one encoded state update")
                .serviceLevelObjectives(32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 65536).register(registry);
    }

    private static Duration[] millis(double... values) {
        Duration[] out = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Duration.ofNanos((long) (values[i] * 1_000_000));
        }
        return out;
    }

    private Counter counter(ConcurrentHashMap<String, Counter> cache, String name, String reason) {
        return cache.computeIfAbsent(reason, r -> Counter.builder(name).tag("reason", r).register(registry));
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
    public void ticksDropped(int steps) {
        ticksDropped.increment(steps);
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
    public void connectionOpened() {
        connections.incrementAndGet();
        connectionsOpened.increment();
    }

    @Override
    public void connectionClosed(String reason) {
        connections.decrementAndGet();
        counter(closes, "arena.connections.closed", reason).increment();
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
    public void joinRefused(String reason) {
        counter(refusals, "arena.joins.refused", reason).increment();
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
    public void snapshotSkipped() {
        snapshotsSkipped.increment();
    }

    @Override
    public void frameRejected(String reason) {
        counter(rejections, "arena.frames.rejected", reason).increment();
    }

    @Override
    public void inputDropped() {
        inputsDropped.increment();
    }
}
