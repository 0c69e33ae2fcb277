package dev.arena.server.metrics;

import dev.arena.server.game.MessageTypes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link GameMeters} over Micrometer. Every declared message type and
 * {@code other} are registered at zero for both directions, so a scrape lists
 * the game's whole label set from start-up. Counters are found by a binary
 * search of the declared types (at most {@link MessageTypes#MAX_TYPES}), so
 * counting allocates nothing.
 */
final class MicrometerGameMeters implements GameMeters {
    private final int[] types;
    private final Counter[] received;
    private final Counter[] sent;
    private final Counter receivedOther;
    private final Counter sentOther;
    private final AtomicInteger spectators = new AtomicInteger();

    MicrometerGameMeters(MeterRegistry registry, String game, MessageTypes types) {
        Map<Integer, String> declared = new TreeMap<>(types.declared());
        this.types = new int[declared.size()];
        received = new Counter[declared.size()];
        sent = new Counter[declared.size()];
        int i = 0;
        for (Map.Entry<Integer, String> e : declared.entrySet()) {
            this.types[i] = e.getKey();
            received[i] = counter(registry, "arena.messages.received", game, e.getValue(),
                    "Game MESSAGEs from clients that reached their game, by game and type");
            sent[i++] = counter(registry, "arena.messages.sent", game, e.getValue(),
                    "Game MESSAGEs written to clients, one per recipient, by game and type");
        }
        receivedOther = counter(registry, "arena.messages.received", game, MessageTypes.OTHER,
                "Game MESSAGEs from clients that reached their game, by game and type");
        sentOther = counter(registry, "arena.messages.sent", game, MessageTypes.OTHER,
                "Game MESSAGEs written to clients, one per recipient, by game and type");
        Gauge.builder("arena.spectators.connected", spectators, AtomicInteger::get)
                .description("Spectators watching a room, by game").tag("game", game).strongReference(true)
                .register(registry);
    }

    private static Counter counter(MeterRegistry registry, String name, String game, String type, String description) {
        return Counter.builder(name).description(description).tag("game", game).tag("type", type).register(registry);
    }

    @Override
    public void messageReceived(int type) {
        of(received, receivedOther, type).increment();
    }

    @Override
    public void messagesSent(int type, int recipients) {
        if (recipients > 0) {
            of(sent, sentOther, type).increment(recipients);
        }
    }

    @Override
    public void spectatorJoined() {
        spectators.incrementAndGet();
    }

    @Override
    public void spectatorLeft() {
        spectators.decrementAndGet();
    }

    private Counter of(Counter[] byType, Counter other, int type) {
        int i = Arrays.binarySearch(types, type);
        return i >= 0 ? byType[i] : other;
    }
}
