package dev.arena.loadtest;

import com.esotericsoftware.kryo.io.Output;
import dev.arena.server.metrics.MicrometerGameMetrics;
import dev.arena.server.protocol.EntityRecord;
import dev.arena.server.protocol.FrameCodec;
import dev.arena.server.protocol.ProtocolException;
import dev.arena.server.state.BaselineReplication;
import dev.arena.server.state.EntityStore;
import dev.arena.server.state.SnapshotEncoder;
import dev.arena.server.state.WorldState;
import dev.arena.server.state.Replica;
import dev.arena.server.state.ReplicatedWorld;
import dev.arena.server.state.WireFrame;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bot's in-place reader against the full one, on frames from the
 * server's own replication: a room of players and orbs that move, score
 * (a change-mask past three fields), come and go, with a client that is
 * sometimes skipped (a DELTA from an older baseline) and sometimes falls out
 * of the history (a SNAPSHOT). After every frame the light reader holds the
 * same tick, the same number of entities and the same own player as
 * {@link ReplicatedWorld}; and a frame that does not fit what it holds is
 * refused (a state error for the bot) and moves no tick.
 */
class LightReplicaTest {
    private static final int PLAYER = 1;
    private static final int ORB = 2;

    private final EntityStore world = new EntityStore();
    private final BaselineReplication replication = new BaselineReplication(world, 8,
            new MicrometerGameMetrics(new SimpleMeterRegistry()));
    private final FrameCodec codec = new FrameCodec();
    private final SplittableRandom random = new SplittableRandom(12);
    private final List<Integer> others = new ArrayList<>();
    private final List<Integer> orbs = new ArrayList<>();
    private int tick;

    private int spawnPlayer(String name) {
        int id = world.spawn(PLAYER, name, 4);
        world.set(id, 0, random.nextInt(8000));
        world.set(id, 1, random.nextInt(8000));
        return id;
    }

    private void spawnOrb() {
        int id = world.spawn(ORB, null, 2);
        world.set(id, 0, random.nextInt(8000));
        world.set(id, 1, random.nextInt(8000));
        orbs.add(id);
    }

    /** One tick of play: everything moves, the own player's seq goes up, some score, come and go. */
    private void step(int me) {
        world.set(me, 0, world.get(me, 0) + random.nextInt(-40, 41));
        world.set(me, 2, world.get(me, 2) + 1);
        if (random.nextInt(10) == 0) {
            world.set(me, 3, world.get(me, 3) + 1);
        }
        for (int id : orbs) {
            world.set(id, 1, world.get(id, 1) + random.nextInt(-15, 16));
        }
        for (int id : others) {
            world.set(id, 0, world.get(id, 0) + random.nextInt(-40, 41));
            world.set(id, 3, world.get(id, 3) + (random.nextInt(20) == 0 ? 1 : 0));
        }
        if (random.nextInt(4) == 0 && !orbs.isEmpty()) {
            world.despawn(orbs.remove(random.nextInt(orbs.size())));
            spawnOrb(); // collected: a new one elsewhere
        }
        if (random.nextInt(15) == 0) {
            if (!others.isEmpty() && random.nextBoolean()) {
                world.despawn(others.remove(random.nextInt(others.size())));
            } else {
                others.add(spawnPlayer("p" + tick));
            }
        }
        replication.capture(++tick);
    }

    @Test
    void theLightReaderFollowsTheOwnPlayerAndTheIdsAsTheFullOneDoes() {
        int me = spawnPlayer("me");
        for (int i = 0; i < 5; i++) {
            others.add(spawnPlayer("p" + i));
        }
        for (int i = 0; i < 30; i++) {
            spawnOrb();
        }
        Replica replica = replication.newReplica(me);
        LightReplica light = new LightReplica();
        light.own(me);
        ReplicatedWorld full = new ReplicatedWorld();
        int deltas = 0;
        int catchUps = 0;
        int snapshots = 0;
        for (int t = 0; t < 600; t++) {
            step(me);
            // Congested now and then, for a while: a short stall is a DELTA from an older state, a long one a SNAPSHOT.
            if (t % 50 >= 40 && t % 100 < 50 || t % 100 >= 60 && t % 100 < 62) {
                continue;
            }
            WireFrame frame = replication.nextFrame(replica);
            int before = light.tick();
            light.apply(Unpooled.wrappedBuffer(frame.payload()));
            full.applyIfUpdate(codec.decodeServer(frame.payload()));

            assertThat(light.tick()).isEqualTo(full.tick());
            assertThat(light.size()).as("entities held at tick %d", tick).isEqualTo(full.size());
            EntityRecord own = full.get(me);
            assertThat(light.holdsOwn()).isTrue();
            for (int f = 0; f < own.fields().length; f++) {
                assertThat(light.ownField(f, -1)).as("own field %d at tick %d", f, tick).isEqualTo(own.fields()[f]);
            }
            assertThat(light.ownField(4, -1)).as("a field the player does not have").isEqualTo(-1);
            if (frame.payload()[0] == 0x41) {
                snapshots++;
            } else if (light.tick() - before > 1) {
                catchUps++;
            } else {
                deltas++;
            }
        }
        assertThat(snapshots).as("the first, then after each long stall").isGreaterThan(3);
        assertThat(catchUps).as("deltas from an older baseline").isGreaterThan(3);
        assertThat(deltas).isGreaterThan(400);
        assertThat(world.get(me, 3)).as("the own score moved (a mask past three fields)").isPositive();
    }

    @Test
    void aFrameThatDoesNotFitWhatTheBotHoldsIsRefused() {
        int me = spawnPlayer("me");
        spawnOrb();
        Replica replica = replication.newReplica(me);
        LightReplica light = new LightReplica();
        light.own(me);
        step(me);
        byte[] snapshot = replication.nextFrame(replica).payload();
        step(me);
        byte[] delta = replication.nextFrame(replica).payload();

        assertThatThrownBy(() -> light.apply(Unpooled.wrappedBuffer(delta))).as("a DELTA before any state")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("holds -1");
        light.apply(Unpooled.wrappedBuffer(snapshot));
        byte[] cut = Arrays.copyOf(delta, delta.length - 1);
        assertThatThrownBy(() -> light.apply(Unpooled.wrappedBuffer(cut))).isInstanceOf(ProtocolException.class);
        byte[] longer = Arrays.copyOf(delta, delta.length + 1);
        assertThatThrownBy(() -> light.apply(Unpooled.wrappedBuffer(longer))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("after the update's end");
        light.apply(Unpooled.wrappedBuffer(snapshot));
        light.apply(Unpooled.wrappedBuffer(delta));
        assertThatThrownBy(() -> light.apply(Unpooled.wrappedBuffer(delta))).as("the same DELTA again")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("DELTA from tick");
        assertThatThrownBy(() -> light.apply(Unpooled.wrappedBuffer(codec.encode((dev.arena.server.protocol.ServerMessage) new dev.arena.server.protocol.Ping(5)))))
                .isInstanceOf(ProtocolException.class);
    }

    /** The state of a room holding the own player (id 1) and, with {@code orb}, an orb (id 2) at {@code x}. */
    private static WorldState room(int tick, boolean orb, int x) {
        EntityStore store = new EntityStore();
        int me = store.spawn(PLAYER, "me", 4);
        store.set(me, 2, tick);
        if (orb) {
            store.set(store.spawn(ORB, null, 2), 0, x);
        }
        return store.capture(tick);
    }

    private static io.netty.buffer.ByteBuf snapshot(WorldState state) {
        Output out = new Output(256);
        new SnapshotEncoder().writeSnapshot(out, state);
        return Unpooled.wrappedBuffer(out.toBytes());
    }

    private static io.netty.buffer.ByteBuf delta(WorldState base, WorldState target) {
        Output out = new Output(256);
        new SnapshotEncoder().writeDelta(out, base, target);
        return Unpooled.wrappedBuffer(out.toBytes());
    }

    @Test
    void aDeltaThatSpawnsAnIdHeldOrRemovesOrChangesOneNotHeldIsAStateError() {
        LightReplica light = new LightReplica();
        light.own(1);
        light.apply(snapshot(room(5, true, 0)));
        assertThatThrownBy(() -> light.apply(delta(room(5, false, 0), room(6, true, 0))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("spawns entity 2, which the bot holds");

        light.apply(snapshot(room(5, false, 0)));
        assertThatThrownBy(() -> light.apply(delta(room(5, true, 0), room(6, false, 0))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("removes entity 2, which the bot does not hold");
        light.apply(snapshot(room(5, false, 0)));
        assertThatThrownBy(() -> light.apply(delta(room(5, true, 0), room(6, true, 40))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("changes entity 2, which the bot does not hold");
        assertThat(light.tick()).as("a refused frame moves no tick").isEqualTo(5);

        light.apply(snapshot(room(5, false, 0)));
        light.apply(delta(room(5, false, 0), room(6, false, 0)));
        assertThat(light.ownField(2, -1)).as("the seq field, moved by the DELTA").isEqualTo(6);
        EntityStore gone = new EntityStore();
        WorldState empty = gone.capture(7);
        assertThatThrownBy(() -> light.apply(delta(room(6, false, 0), empty)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("own player");
    }
}
