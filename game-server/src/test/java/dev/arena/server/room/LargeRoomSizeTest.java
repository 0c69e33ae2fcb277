package dev.arena.server.room;

import dev.arena.server.config.RoomConfig;
import dev.arena.server.protocol.Input;
import dev.arena.server.game.arena.ArenaGame;
import dev.arena.server.game.arena.ArenaSettings;
import dev.arena.server.metrics.MicrometerGameMetrics;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bytes on the wire for the arena-bench-large room (one room of 500 players
 * steering as the bots do in a 20,000 x 20,000 world with 2,000 moving orbs
 * and a view radius of 1,000), through the real encoder and decoder. The
 * figures go to docs/PERFORMANCE.md; the bound guards the 4,500 bytes per
 * player per second budget (225 bytes per update at 20 updates/s).
 */
class LargeRoomSizeTest {
    private static final int PLAYERS = 500;
    private static final int TICKS = 300;

    @Test
    void aRoomOfFiveHundredWithViewsFitsTheByteBudgetOfATwentyPlayerRoom() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RoomConfig config = new RoomConfig("arena", 20, 20, PLAYERS, 1, 5, 4096, 1000, 32);
        SplittableRandom random = new SplittableRandom(5);
        Room room = new Room("r1", config, Long.MAX_VALUE,
                (world, r) -> new ArenaGame(world, ArenaSettings.LARGE, r), random.split(),
                new MicrometerGameMetrics(registry));
        List<RecordingChannel> players = new ArrayList<>();
        float[][] direction = new float[PLAYERS][2];
        for (int i = 0; i < PLAYERS; i++) {
            RecordingChannel player = new RecordingChannel();
            room.join("bot-" + i, player);
            players.add(player);
        }
        for (int tick = 1; tick <= TICKS; tick++) {
            for (int i = 0; i < players.size(); i++) {
                if (tick == 1 || random.nextInt(20) == 0) { // a new direction about once a second
                    double angle = random.nextDouble(2 * Math.PI);
                    direction[i][0] = (float) Math.cos(angle);
                    direction[i][1] = (float) Math.sin(angle);
                }
                room.offerInput(players.get(i).welcome.playerId(),
                        new Input(tick, direction[i][0], direction[i][1], 0), tick);
            }
            room.step(tick, 0.05);
            room.send(tick);
        }
        DistributionSummary delta = registry.get("arena.snapshot.size").tag("type", "delta").summary();
        DistributionSummary full = registry.get("arena.snapshot.size").tag("type", "full").summary();
        DistributionSummary entities = registry.get("arena.update.entities").summary();
        DistributionSummary cells = registry.get("arena.view.cells.encoded").summary();
        System.out.printf("arena-bench-large room: %d players, %d entities; full snapshot mean %.0f bytes; delta mean %.1f bytes,"
                        + " max %.0f bytes over %d deltas (%.0f bytes per player per second at 20 Hz); %.1f entities per view"
                        + " (max %.0f); %.0f cells encoded per send tick%n",
                PLAYERS, PLAYERS + ArenaSettings.LARGE.orbs(), full.mean(), delta.mean(), delta.max(), delta.count(),
                delta.mean() * 20, entities.mean(), entities.max(), cells.mean());
        assertThat(full.count()).as("one snapshot per player, every later update a delta").isEqualTo(PLAYERS);
        assertThat(delta.count()).isEqualTo((long) PLAYERS * (TICKS - 1));
        assertThat(entities.mean()).as("a view is a small part of the room").isBetween(10.0, 100.0);
        assertThat(delta.mean()).as("mean delta bytes").isLessThan(225.0);
    }
}
