package dev.arena.server.room;

import dev.arena.server.config.RoomConfig;
import dev.arena.server.protocol.Input;
import dev.arena.server.metrics.MicrometerGameMetrics;
import dev.arena.server.protocol.Delta;
import dev.arena.server.protocol.EntityRecord;
import dev.arena.server.protocol.Snapshot;
import dev.arena.server.state.ReplicatedWorld;
import dev.arena.server.state.Views;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crowded room with views ({@link SwarmGame}: 2,000 drifting and
 * teleporting entities, hundreds of moving and teleporting players, churn):
 * at every send tick every client that was sent a frame holds exactly the
 * entities of its view, with their current fields, and nothing outside it,
 * as {@link Views} computes it the obvious way. Some clients are congested
 * for a while (their next delta comes from their own older baseline and
 * view, or is a snapshot once the history let go), some join late.
 * Frames go through the real codec.
 */
class ViewPropertyTest {
    private static final int HISTORY = 6;
    private static final int PLAYERS = 200;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {5, 77})
    void everyClientHoldsExactlyItsViewAtEveryTick(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RoomConfig config = new RoomConfig("swarm", 20, 20, PLAYERS, 1, 5, 4096, 1000, HISTORY);
        Room room = new Room("r1", config, Long.MAX_VALUE, SwarmGame::new, random.split(), new MicrometerGameMetrics(registry));
        List<RecordingChannel> clients = new ArrayList<>();
        for (int i = 0; i < PLAYERS - 20; i++) {
            clients.add(joined(room, i));
        }
        int enters = 0;
        int leaves = 0;
        int oldBaselines = 0;
        int resnapshots = 0;
        for (int tick = 1; tick <= 60; tick++) {
            if (clients.size() < PLAYERS && random.nextInt(3) == 0) {
                clients.add(joined(room, clients.size()));
            }
            for (RecordingChannel client : clients) {
                if (random.nextInt(10) == 0) {
                    client.congested = random.nextInt(client.congested ? 2 : 6) == 0 != client.congested;
                }
                double angle = random.nextDouble(2 * Math.PI);
                room.offerInput(client.welcome.playerId(), new Input(tick, (float) Math.cos(angle),
                        (float) Math.sin(angle), random.nextInt(40) == 0 ? 1 : 0), tick);
            }
            room.step(tick, 0.05);
            int[] sentBefore = clients.stream().mapToInt(c -> c.messages.size()).toArray();
            room.send(tick);

            List<EntityRecord> all = ReplicatedWorld.recordsOf(room.lastSentState());
            for (int i = 0; i < clients.size(); i++) {
                RecordingChannel client = clients.get(i);
                if (client.messages.size() == sentBefore[i]) {
                    assertThat(client.congested).as("only congested clients are skipped").isTrue();
                    continue;
                }
                int me = client.welcome.playerId();
                assertThat(client.world.entities()).as("view of player %d at tick %d (seed %d)", me, tick, seed)
                        .isEqualTo(Views.radius(all, me, SwarmGame.RADIUS, kind -> kind == SwarmGame.BOARD));
                if (client.last() instanceof Delta d) {
                    enters += d.spawns().size();
                    leaves += d.removed().length;
                    oldBaselines += d.tick() - d.baselineTick() > 1 ? 1 : 0;
                } else if (client.last() instanceof Snapshot && client.messages.size() > 2) {
                    resnapshots++;
                }
            }
        }
        assertThat(enters).as("entities entered views").isGreaterThan(1000);
        assertThat(leaves).as("entities left views").isGreaterThan(1000);
        assertThat(oldBaselines).as("congested clients caught up from their own baselines").isPositive();
        assertThat(resnapshots).as("clients past the history got snapshots of their views").isPositive();
        assertThat(registry.get("arena.update.entities").summary().mean()).as("a view is a small part of the room")
                .isBetween(10.0, 200.0);
    }

    private static RecordingChannel joined(Room room, int i) {
        RecordingChannel client = new RecordingChannel();
        assertThat(room.join("p" + i, client).accepted()).isTrue();
        return client;
    }
}
