package dev.arena.server.room;

import dev.arena.server.config.RoomConfig;
import dev.arena.server.game.arena.ArenaGame;
import dev.arena.server.game.arena.ArenaSettings;
import dev.arena.server.metrics.MicrometerGameMetrics;
import dev.arena.server.protocol.Input;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bytes on the wire for the arena-bench room (20 players steering as the bots
 * do, 30 moving orbs), measured through the real encoder. The figures go to
 * docs/PERFORMANCE.md; the bounds guard the 4,500 bytes per player per second
 * budget (at 20 updates/s, 225 bytes per delta).
 */
class SnapshotSizeTest {
    @Test
    void anArenaBenchRoomFitsItsByteBudget() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RoomConfig config = new RoomConfig("arena", 20, 20, 20, 1, 5, 1024, 1000, 32);
        SplittableRandom random = new SplittableRandom(5);
        Room room = new Room("r1", config, Long.MAX_VALUE,
                (world, r) -> new ArenaGame(world, ArenaSettings.BENCHMARK, r), random.split(),
                new MicrometerGameMetrics(registry));
        List<RecordingChannel> players = new ArrayList<>();
        float[][] direction = new float[20][2];
        for (int i = 0; i < 20; i++) {
            RecordingChannel player = new RecordingChannel();
            room.join("bot-" + i, player);
            players.add(player);
        }
        int seq = 0;
        for (int tick = 1; tick <= 1200; tick++) { // one minute at 20 Hz
            seq++;
            for (int i = 0; i < players.size(); i++) {
                if (tick == 1 || random.nextInt(20) == 0) { // a new direction about once a second
                    double angle = random.nextDouble(2 * Math.PI);
                    direction[i][0] = (float) Math.cos(angle);
                    direction[i][1] = (float) Math.sin(angle);
                }
                room.offerInput(players.get(i).welcome.playerId(),
                        new Input(seq, direction[i][0], direction[i][1], 0), tick);
            }
            room.step(tick, 0.05);
            room.send(tick);
        }
        DistributionSummary full = registry.get("arena.snapshot.size").tag("type", "full").summary();
        DistributionSummary delta = registry.get("arena.snapshot.size").tag("type", "delta").summary();
        System.out.printf("arena-bench room: full snapshot %.0f bytes; delta mean %.1f bytes, max %.0f bytes over %d deltas%n",
                full.mean(), delta.mean(), delta.max(), delta.count());
        assertThat(full.count()).isEqualTo(1);
        assertThat(full.mean()).isBetween(300.0, 1000.0);
        assertThat(delta.count()).isEqualTo(1199);
        assertThat(delta.mean()).as("mean delta bytes").isLessThan(225.0);
    }
}
