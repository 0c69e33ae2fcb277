package dev.arena.server.room;

import dev.arena.server.config.RoomConfig;
import dev.arena.server.metrics.MicrometerGameMetrics;
import dev.arena.server.protocol.CloseCodes;
import dev.arena.server.protocol.Delta;
import dev.arena.server.protocol.Input;
import dev.arena.server.protocol.Snapshot;
import dev.arena.server.state.ReplicatedWorld;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For random sequences of states, {@code baseline + delta == target} for every
 * client: up-to-date ones, ones skipped for a while (congested) that resume
 * from their own older baseline, ones whose baseline left the history (full
 * snapshot), and ones that join late. Frames go through the real encoder and
 * the real Kryo decoder.
 */
class ReplicationPropertyTest {
    private static final int HISTORY = 6;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 1234, 99991})
    void everyClientRebuildsTheExactStateFromWhatItWasSent(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RoomConfig config = new RoomConfig("churn", 20, 20, 16, 1, 5, 64, 1000, HISTORY);
        Room room = new Room("r1", config, Long.MAX_VALUE, ChurnGame::new, random.split(),
                new MicrometerGameMetrics(registry));
        List<RecordingChannel> clients = new ArrayList<>();
        int deltasFromOldBaselines = 0;
        int snapshotsAfterHistoryLoss = 0;

        for (int tick = 1; tick <= 400; tick++) {
            if (clients.size() < 8 && random.nextInt(20) == 0) {
                RecordingChannel client = new RecordingChannel();
                assertThat(room.join("p" + clients.size(), client).accepted()).isTrue();
                clients.add(client);
            }
            for (RecordingChannel client : clients) {
                if (random.nextInt(4) == 0) {
                    // Congestion comes and goes; some spells outlast the history.
                    client.congested = random.nextInt(client.congested ? 3 : 8) == 0 != client.congested;
                }
                if (client.welcome != null && random.nextBoolean()) {
                    room.offerInput(client.welcome.playerId(), new Input(tick, 0, 0, 0), 1);
                }
            }
            room.step(tick, 0.05);
            int[] sentBefore = clients.stream().mapToInt(c -> c.messages.size()).toArray();
            room.send(tick);

            var expected = ReplicatedWorld.recordsOf(room.lastSentState());
            for (int i = 0; i < clients.size(); i++) {
                RecordingChannel client = clients.get(i);
                if (client.messages.size() == sentBefore[i]) {
                    assertThat(client.congested).as("only congested clients are skipped").isTrue();
                    continue;
                }
                assertThat(client.world.entities()).as("client %d at tick %d (seed %d)", i, tick, seed)
                        .isEqualTo(expected);
                if (client.last() instanceof Delta d && d.tick() - d.baselineTick() > 1) {
                    deltasFromOldBaselines++;
                }
                if (client.last() instanceof Snapshot && client.messages.size() > 2) {
                    snapshotsAfterHistoryLoss++;
                }
            }
        }
        assertThat(deltasFromOldBaselines).as("lagging clients resumed from their own baselines").isPositive();
        assertThat(snapshotsAfterHistoryLoss).as("clients past the history got full snapshots").isPositive();
        assertThat(registry.get("arena.snapshots.skipped").counter().count()).isPositive();
    }

    @ParameterizedTest(name = "clients {0}")
    @ValueSource(ints = {1, 5})
    void upToDateClientsShareOneEncodedDeltaPerSendTick(int count) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RoomConfig config = new RoomConfig("churn", 20, 20, 16, 1, 5, 64, 1000, HISTORY);
        Room room = new Room("r1", config, Long.MAX_VALUE, ChurnGame::new, new SplittableRandom(7),
                new MicrometerGameMetrics(registry));
        List<RecordingChannel> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RecordingChannel client = new RecordingChannel();
            room.join("p" + i, client);
            clients.add(client);
        }
        for (int tick = 1; tick <= 10; tick++) {
            room.step(tick, 0.05);
            room.send(tick);
        }
        // One full snapshot for the first send, then one delta per send tick, however many clients.
        assertThat(registry.get("arena.snapshot.size").tag("type", "full").summary().count()).isEqualTo(1);
        assertThat(registry.get("arena.snapshot.size").tag("type", "delta").summary().count()).isEqualTo(9);
        assertThat(clients).allSatisfy(c -> assertThat(c.messages).hasSize(11));
    }

    @org.junit.jupiter.api.Test
    void aClientCongestedLongerThanAllowedIsClosedAsTooSlow() {
        RoomConfig config = new RoomConfig("churn", 20, 20, 16, 1, 5, 64, 1000, HISTORY);
        long tooSlow = 1_000_000_000L;
        Room room = new Room("r1", config, tooSlow, ChurnGame::new, new SplittableRandom(7),
                new MicrometerGameMetrics(new SimpleMeterRegistry()));
        RecordingChannel slow = new RecordingChannel();
        RecordingChannel fine = new RecordingChannel();
        room.join("slow", slow);
        room.join("fine", fine);
        slow.congested = true;
        long now = 0;
        for (int tick = 1; tick <= 30; tick++) {
            now += 50_000_000L;
            room.step(tick, 0.05);
            room.send(now);
        }
        assertThat(slow.closedWith).isEqualTo(CloseCodes.TOO_SLOW);
        assertThat(fine.closedWith).isZero();
        assertThat(fine.messages).hasSize(31);
    }
}
