package dev.arena.server.state;

import dev.arena.server.metrics.MicrometerGameMetrics;
import dev.arena.server.protocol.Delta;
import dev.arena.server.protocol.FrameCodec;
import dev.arena.server.protocol.ServerMessage;
import dev.arena.server.protocol.Snapshot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.util.IllegalReferenceCountException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The replication unit on its own: a live {@link EntityStore}, captures at
 * chosen ticks, frames decoded by the real codec and applied as a client
 * would. Sockets are played by asking (or not asking) for a replica's frame.
 */
class BaselineReplicationTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EntityStore world = new EntityStore();
    private final BaselineReplication replication = new BaselineReplication(world, 4, new MicrometerGameMetrics(registry));
    private final FrameCodec codec = new FrameCodec();
    private final int orb = world.spawn(2, null, 2);
    private final int player = world.spawn(1, "ann", 4);

    /** A client: the frames it receives are applied to its copy of the world. */
    private final class Client {
        final Replica replica = replication.newReplica();
        final ReplicatedWorld copy = new ReplicatedWorld();

        ServerMessage receive() {
            return receive(replication.nextFrame(replica));
        }

        ServerMessage receive(WireFrame frame) {
            ServerMessage message = codec.decodeServer(frame.payload());
            copy.applyIfUpdate(message);
            return message;
        }

        void assertInSync() {
            assertThat(copy.tick()).isEqualTo(replication.current().tick());
            assertThat(copy.entities()).isEqualTo(ReplicatedWorld.recordsOf(replication.current()));
        }
    }

    /** Moves the orb and sometimes spawns or removes an entity, then captures {@code tick}. */
    private void advanceTo(int tick) {
        world.set(orb, 0, world.get(orb, 0) + 40);
        if (tick % 3 == 0) {
            world.spawn(2, null, 2);
        }
        replication.capture(tick);
    }

    private double encoded(String type) {
        return registry.get("arena.snapshot.size").tag("type", type).summary().count();
    }

    @Test
    void aNewClientGetsASnapshotThenDeltasFromWhatItWasLastSent() {
        Client client = new Client();
        assertThat(client.replica.baselineTick()).isEqualTo(-1);

        advanceTo(1);
        assertThat(client.receive()).isInstanceOf(Snapshot.class);
        client.assertInSync();
        assertThat(client.replica.baselineTick()).isEqualTo(1);
        for (int tick = 2; tick <= 6; tick++) {
            advanceTo(tick);
            int expectedBaseline = tick - 1;
            assertThat(client.receive()).isInstanceOfSatisfying(Delta.class,
                    d -> assertThat(d.baselineTick()).isEqualTo(expectedBaseline));
            client.assertInSync();
        }
    }

    @Test
    void clientsOfOneBaselineShareOneBufferEncodedOncePerSendTick() {
        Client a = new Client();
        Client b = new Client();
        Client c = new Client();
        for (int tick = 1; tick <= 3; tick++) {
            advanceTo(tick);
            WireFrame frame = replication.nextFrame(a.replica);
            assertThat(replication.nextFrame(b.replica)).isSameAs(frame);
            assertThat(replication.nextFrame(c.replica)).isSameAs(frame);
        }
        assertThat(encoded("full")).isEqualTo(1);
        assertThat(encoded("delta")).isEqualTo(2);
    }

    @Test
    void aSendTicksFramesGoBackToThePoolWhenTheNextStartsUnlessASocketStillHoldsThem() {
        Client client = new Client();
        Client late = new Client();
        advanceTo(1);
        WireFrame first = replication.nextFrame(client.replica);
        advanceTo(2);
        assertThatThrownBy(first::payload).as("released by the next capture")
                .isInstanceOf(IllegalReferenceCountException.class);

        WireFrame second = replication.nextFrame(client.replica);
        WireFrame snapshot = replication.nextFrame(late.replica);
        ByteBuf queued = second.retainedFrame(); // a socket's, not written yet
        advanceTo(3);
        assertThat(second.payload()).as("still held by the socket").isNotEmpty();
        assertThatThrownBy(snapshot::payload).isInstanceOf(IllegalReferenceCountException.class);
        queued.release(); // written
        assertThatThrownBy(second::payload).isInstanceOf(IllegalReferenceCountException.class);

        WireFrame last = replication.nextFrame(client.replica);
        replication.close(); // the room stops
        assertThatThrownBy(last::payload).isInstanceOf(IllegalReferenceCountException.class);
    }

    @Test
    void aSkippedClientGetsADeltaFromItsOwnOlderBaselineSharedWithItsPeers() {
        Client upToDate = new Client();
        Client lagging = new Client();
        Client alsoLagging = new Client();
        advanceTo(1);
        upToDate.receive();
        lagging.receive();
        alsoLagging.receive();
        advanceTo(2);
        upToDate.receive(); // the other two sockets are congested: not asked

        advanceTo(3);
        WireFrame fresh = replication.nextFrame(upToDate.replica);
        WireFrame late = replication.nextFrame(lagging.replica);
        assertThat(replication.nextFrame(alsoLagging.replica)).isSameAs(late).isNotSameAs(fresh);
        assertThat(upToDate.receive(fresh)).isInstanceOfSatisfying(Delta.class, d -> assertThat(d.baselineTick()).isEqualTo(2));
        assertThat(lagging.receive(late)).isInstanceOfSatisfying(Delta.class, d -> assertThat(d.baselineTick()).isEqualTo(1));
        alsoLagging.receive(late);
        upToDate.assertInSync();
        lagging.assertInSync();
        alsoLagging.assertInSync();
        assertThat(encoded("delta")).as("one delta from tick 1 at tick 2, two at tick 3").isEqualTo(3);
    }

    @Test
    void aClientWhoseBaselineLeftTheHistoryGetsTheSnapshotANewClientGets() {
        Client gone = new Client();
        advanceTo(1);
        gone.receive();
        for (int tick = 2; tick <= 4; tick++) {
            advanceTo(tick);
        }
        assertThat(gone.receive()).as("the oldest state a history of 4 holds")
                .isInstanceOfSatisfying(Delta.class, d -> assertThat(d.baselineTick()).isEqualTo(1));
        gone.assertInSync();

        for (int tick = 5; tick <= 9; tick++) { // the history now holds 6..9, not 4
            advanceTo(tick);
        }
        Client joining = new Client();
        WireFrame snapshot = replication.nextFrame(joining.replica);
        assertThat(replication.nextFrame(gone.replica)).isSameAs(snapshot);
        assertThat(gone.receive(snapshot)).isInstanceOf(Snapshot.class);
        gone.assertInSync();
        assertThat(encoded("full")).as("the first snapshot, then one shared at tick 9").isEqualTo(2);
    }

    @Test
    void aCaptureReusesTheArraysOfAStateTheHistoryNoLongerHoldsAndNoClientSeesIt() {
        Client lagging = new Client();
        Client upToDate = new Client();
        advanceTo(1);
        WorldState first = replication.current();
        lagging.receive();
        upToDate.receive();
        for (int tick = 2; tick <= 6; tick++) { // tick 5 pushes 1 out of a history of 4; tick 6 reuses it
            world.set(orb, 0, world.get(orb, 0) + 40); // the same entities: tick 1's arrays fit
            replication.capture(tick);
            upToDate.receive();
            upToDate.assertInSync();
        }
        WorldState sixth = replication.current();
        assertThat(sixth).isNotSameAs(first);
        assertThat(sixth.fields).as("tick 6's fields are in tick 1's array").isSameAs(first.fields);
        assertThat(sixth.ids).as("no spawn or despawn since: the same entity set").isSameAs(first.ids);
        assertThat(sixth.labels).isSameAs(first.labels);
        assertThat(first.tick()).isEqualTo(1);
        assertThat(lagging.replica.baselineTick()).as("the lagging client still names tick 1").isEqualTo(1);
        assertThat(lagging.receive()).as("its baseline is gone, whatever its arrays now hold")
                .isInstanceOf(Snapshot.class);
        lagging.assertInSync();

        int spawned = world.spawn(2, null, 2);
        replication.capture(7);
        assertThat(replication.current().ids).as("a spawn: a new entity set").isNotSameAs(sixth.ids).contains(spawned);
        assertThat(sixth.indexOf(spawned)).as("the state before it is unchanged").isNegative();
        upToDate.receive();
        upToDate.assertInSync();

        for (int tick = 8; tick <= 40; tick++) { // entities come and go while arrays are reused
            if (tick % 5 == 0) {
                world.despawn(orb + tick / 5); // orbs spawned by advanceTo, the oldest first
            }
            advanceTo(tick);
            if (tick % 7 != 0) { // sometimes congested: its next delta is from an older baseline
                upToDate.receive();
                upToDate.assertInSync();
            }
        }
    }

    @Test
    void aClientBackOnANewSocketGetsADeltaFromTheLastTickItReceived() {
        Client client = new Client();
        advanceTo(1);
        client.receive();
        advanceTo(2);
        client.receive();
        advanceTo(3);
        replication.nextFrame(client.replica); // written, but the socket dropped before it arrived
        advanceTo(4); // disconnected: not asked

        assertThat(replication.resume(client.replica, client.copy.tick())).isTrue();
        assertThat(client.replica.baselineTick()).isEqualTo(2);
        advanceTo(5); // a history of 4 still holds tick 2
        assertThat(client.receive()).isInstanceOfSatisfying(Delta.class, d -> assertThat(d.baselineTick()).isEqualTo(2));
        client.assertInSync();
    }

    @Test
    void aResumeFromATickNotSentToThisClientOrNoLongerHeldGetsASnapshot() {
        Client client = new Client();
        Client other = new Client();
        advanceTo(1);
        client.receive();
        other.receive();
        advanceTo(2);
        other.receive(); // client skipped at tick 2
        advanceTo(3);
        client.receive();

        assertThat(replication.resume(client.replica, 2)).as("tick 2 was never sent to it").isFalse();
        assertThat(replication.resume(client.replica, 7)).as("a tick not yet captured").isFalse();
        assertThat(replication.resume(client.replica, -1)).as("a client that holds nothing").isFalse();
        assertThat(client.replica.baselineTick()).isEqualTo(-1);
        advanceTo(4);
        assertThat(client.receive()).isInstanceOf(Snapshot.class);
        client.assertInSync();

        for (int tick = 5; tick <= 8; tick++) {
            advanceTo(tick);
            other.receive();
        }
        assertThat(replication.resume(client.replica, 4)).as("sent, but out of a history of 4").isFalse();
        assertThat(replication.resume(other.replica, 5)).isTrue();
    }

    @Test
    void misuseIsRefusedRatherThanSendingAWrongFrame() {
        Client client = new Client();
        assertThatThrownBy(() -> replication.nextFrame(client.replica)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before the first capture");
        advanceTo(1);
        client.receive();
        assertThatThrownBy(() -> replication.nextFrame(client.replica)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> replication.capture(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ticks must increase");
        assertThatThrownBy(() -> new BaselineReplication(world, 0, new MicrometerGameMetrics(registry)))
                .hasMessageContaining("historySize");
    }
}
