package dev.arena.server.room;

import dev.arena.server.config.RoomConfig;
import dev.arena.server.game.arena.ArenaGame;
import dev.arena.server.game.arena.ArenaSettings;
import dev.arena.server.metrics.MicrometerGameMetrics;
import dev.arena.server.protocol.EntityRecord;
import dev.arena.server.protocol.Input;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static dev.arena.server.game.arena.ArenaGame.FIELD_LAST_SEQ;
import static dev.arena.server.game.arena.ArenaGame.FIELD_SCORE;
import static dev.arena.server.game.arena.ArenaGame.FIELD_X;
import static dev.arena.server.game.arena.ArenaGame.FIELD_Y;
import static org.assertj.core.api.Assertions.assertThat;

/** The arena game inside a room, stepped directly with {@code step(tick, dt)}: no timers, no sleeps. */
class ArenaRoomStepTest {
    private static final double DT = 0.05;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private Room room;
    private RecordingChannel client;
    private int player;
    private int tick;

    @BeforeEach
    void join() {
        RoomConfig config = new RoomConfig("arena", 20, 20, 20, 1, 5, 4, 1000, 8);
        room = new Room("r1", config, Long.MAX_VALUE,
                (world, random) -> new ArenaGame(world, ArenaSettings.BENCHMARK, random),
                new SplittableRandom(11), new MicrometerGameMetrics(registry));
        client = new RecordingChannel();
        player = room.join("ann", client).playerId();
        stepAndSend();
    }

    private void stepAndSend() {
        tick++;
        room.step(tick, DT);
        room.send(now());
    }

    /** Simulated clock: the send of tick t happens at t * 50 ms. */
    private long now() {
        return tick * 50_000_000L;
    }

    private EntityRecord me() {
        return client.world.get(player);
    }

    @Test
    void theRoomHoldsThePlayerAndThirtyOrbs() {
        assertThat(client.world.size()).isEqualTo(31);
        assertThat(client.welcome.playerId()).isEqualTo(player);
        assertThat(client.welcome.positionScale()).isEqualTo(4);
        assertThat(client.welcome.worldWidth()).isEqualTo(2000);
        assertThat(client.welcome.params()).as("what the browser predicts with").containsEntry("playerSpeed", 200f);
    }

    @Test
    void anInputIsAppliedAtTheNextStepAndAcknowledgedByLastSeq() {
        int x = me().fields()[FIELD_X];
        int y = me().fields()[FIELD_Y];
        double dir = x > 4000 ? -1 : 1;
        room.offerInput(player, new Input(7, (float) dir, 0, 0), now() + 10_000_000L);
        assertThat(me().fields()[FIELD_LAST_SEQ]).as("not before the step").isZero();
        stepAndSend();
        // 200 units/s * 0.05 s = 10 units = 40 quarter-units.
        assertThat(me().fields()[FIELD_X]).isEqualTo(x + (int) (dir * 40));
        assertThat(me().fields()[FIELD_Y]).isEqualTo(y);
        assertThat(me().fields()[FIELD_LAST_SEQ]).isEqualTo(7);
        // Arrived 10 ms after the previous send, written with the next one 40 ms later.
        assertThat(registry.get("arena.input.latency").timer().count()).isEqualTo(1);
        assertThat(registry.get("arena.input.latency").timer().totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(40.0);

        // An older input changes nothing; the player keeps moving the same way.
        room.offerInput(player, new Input(6, 0, 1, 0), now());
        stepAndSend();
        assertThat(me().fields()[FIELD_LAST_SEQ]).isEqualTo(7);
        assertThat(me().fields()[FIELD_Y]).isEqualTo(y);
    }

    @Test
    void aLongDirectionIsScaledToUnitLengthAndTheWorldClampsThePlayer() {
        room.offerInput(player, new Input(1, -30, 0, 0), 1);
        for (int i = 0; i < 300; i++) { // 15 s at 200 units/s crosses the whole 2000-unit world
            stepAndSend();
            if (i == 0) {
                assertThat(me().fields()[FIELD_X]).isGreaterThanOrEqualTo(0);
            }
        }
        assertThat(me().fields()[FIELD_X]).isZero();
    }

    @Test
    void orbsMoveEveryTickAndTouchingOneScores() {
        int orb = client.world.entities().stream().filter(e -> e.kind() == ArenaGame.KIND_ORB).findFirst().orElseThrow().id();
        int[] before = client.world.get(orb).fields().clone();
        stepAndSend();
        assertThat(client.world.get(orb).fields()).isNotEqualTo(before);

        // Chase the nearest orb until the score goes up; it respawns elsewhere under a new id.
        int orbsBefore = (int) client.world.entities().stream().filter(e -> e.kind() == ArenaGame.KIND_ORB).count();
        for (int i = 0; i < 400 && me().fields()[FIELD_SCORE] == 0; i++) {
            EntityRecord target = nearestOrb();
            double dx = target.fields()[FIELD_X] - me().fields()[FIELD_X];
            double dy = target.fields()[FIELD_Y] - me().fields()[FIELD_Y];
            room.offerInput(player, new Input(i + 1, (float) dx, (float) dy, 0), 1);
            stepAndSend();
        }
        assertThat(me().fields()[FIELD_SCORE]).isEqualTo(1);
        assertThat(client.world.entities().stream().filter(e -> e.kind() == ArenaGame.KIND_ORB).count()).isEqualTo(orbsBefore);
    }

    private EntityRecord nearestOrb() {
        return client.world.entities().stream().filter(e -> e.kind() == ArenaGame.KIND_ORB)
                .min(java.util.Comparator.comparingDouble(e -> Math.hypot(e.fields()[FIELD_X] - me().fields()[FIELD_X],
                        e.fields()[FIELD_Y] - me().fields()[FIELD_Y]))).orElseThrow();
    }

    @Test
    void aFullInputQueueDropsAndCountsTheOverflow() {
        for (int i = 0; i < 6; i++) {
            room.offerInput(player, new Input(i + 1, 1, 0, 0), 1);
        }
        assertThat(registry.get("arena.inputs.dropped").counter().count()).isEqualTo(2);
        stepAndSend();
        assertThat(me().fields()[FIELD_LAST_SEQ]).isEqualTo(4);
    }
}
