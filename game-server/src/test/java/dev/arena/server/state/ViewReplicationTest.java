package dev.arena.server.state;

import com.esotericsoftware.kryo.io.Output;
import dev.arena.server.game.RadiusVisibility;
import dev.arena.server.game.Sight;
import dev.arena.server.game.ViewGrid;
import dev.arena.server.game.Visibility;
import dev.arena.server.metrics.MicrometerGameMetrics;
import dev.arena.server.protocol.Delta;
import dev.arena.server.protocol.EntityChange;
import dev.arena.server.protocol.EntityRecord;
import dev.arena.server.protocol.FrameCodec;
import dev.arena.server.protocol.ServerMessage;
import dev.arena.server.protocol.Snapshot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.util.IllegalReferenceCountException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ObjIntConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Replication by view, step by step: a live {@link EntityStore} under a
 * radius rule, captures at chosen ticks, frames decoded by the real codec
 * and applied as a client would, and every client's copy checked against
 * {@link Views}, the obvious computation of what it may see.
 */
class ViewReplicationTest {
    private static final int R = 100;
    private static final int PLAYER = 1;
    private static final int ORB = 2;
    private static final int BOARD = 3;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EntityStore world = new EntityStore();
    private final ViewReplication replication = new ViewReplication(world,
            new RadiusVisibility(R, new ViewGrid(40, 0, 1), BOARD), 4, new MicrometerGameMetrics(registry));
    private final FrameCodec codec = new FrameCodec();
    private int tick;

    /** A client: the frames it receives are applied to its copy of the world. */
    private final class Client {
        final Replica replica;
        final ReplicatedWorld copy = new ReplicatedWorld();
        final int viewer;
        final Replication from;
        final int radius;

        Client(int viewer) {
            this(replication, viewer, R);
        }

        Client(Replication from, int viewer) {
            this(from, viewer, R);
        }

        Client(Replication from, int viewer, int radius) {
            this.from = from;
            this.viewer = viewer;
            this.radius = radius;
            this.replica = from.newReplica(viewer);
        }

        ServerMessage receive() {
            return receive(from.nextFrame(replica));
        }

        ServerMessage receive(WireFrame frame) {
            ServerMessage message = codec.decodeServer(frame.payload());
            copy.applyIfUpdate(message);
            return message;
        }

        void assertSeesItsView() {
            WorldState current = from.current();
            assertThat(copy.tick()).isEqualTo(current.tick());
            assertThat(copy.entities()).as("view of %d at tick %d", viewer, current.tick())
                    .isEqualTo(Views.radius(current, viewer, radius, kind -> kind == BOARD));
        }

        Set<Integer> ids() {
            return Set.copyOf(copy.entities().stream().map(EntityRecord::id).toList());
        }
    }

    private int spawn(int kind, int x, int y) {
        int id = world.spawn(kind, kind == PLAYER ? "p" : null, kind == PLAYER ? 3 : 2);
        moveTo(id, x, y);
        return id;
    }

    private void moveTo(int id, int x, int y) {
        world.set(id, 0, x);
        world.set(id, 1, y);
    }

    private void capture() {
        replication.capture(++tick);
    }

    /** A rule of a game's own: {@code see} fills in the sight. */
    private static Visibility rule(ViewGrid grid, ObjIntConsumer<Sight> see) {
        return new Visibility() {
            @Override
            public ViewGrid grid() {
                return grid;
            }

            @Override
            public void see(int viewer, Sight sight) {
                see.accept(sight, viewer);
            }
        };
    }

    private static EntityRecord orb(int id, int x, int y) {
        return new EntityRecord(id, ORB, null, new int[]{x, y});
    }

    @Test
    void anEntityEntersWholeAtTheRadiusAndLeavesJustPastIt() {
        int me = spawn(PLAYER, 0, 0);
        int orb = spawn(ORB, R + 2, 0);
        Client client = new Client(me);
        capture();
        assertThat(client.receive()).isInstanceOfSatisfying(Snapshot.class,
                s -> assertThat(s.entities()).extracting(EntityRecord::id).containsExactly(me));

        moveTo(orb, R + 1, 0);
        capture();
        assertThat(client.receive()).as("one unit out: nothing").isEqualTo(new Delta(2, 1, new int[0], List.of(), List.of()));
        moveTo(orb, R, 0);
        capture();
        assertThat(client.receive()).as("on the radius: arrives whole")
                .isEqualTo(new Delta(3, 2, new int[0], List.of(orb(orb, R, 0)), List.of()));
        moveTo(orb, R - 1, 1);
        capture();
        assertThat(client.receive()).isEqualTo(new Delta(4, 3, new int[0], List.of(),
                List.of(new EntityChange(orb, 0b11, new int[]{-1, 1}))));
        moveTo(orb, 0, R + 1);
        capture();
        assertThat(client.receive()).as("past the radius: removed")
                .isEqualTo(new Delta(5, 4, new int[]{orb}, List.of(), List.of()));
        client.assertSeesItsView();
    }

    @Test
    void aTeleportLeavesOneViewAndEntersAnother() {
        Client left = new Client(spawn(PLAYER, 0, 0));
        Client right = new Client(spawn(PLAYER, 1000, 0));
        Client spectator = new Client(0);
        int orb = spawn(ORB, 10, 0);
        capture();
        List.of(left, right, spectator).forEach(Client::receive);
        assertThat(left.ids()).contains(orb);
        assertThat(right.ids()).doesNotContain(orb);

        moveTo(orb, 1010, 5);
        capture();
        assertThat(left.receive()).isEqualTo(new Delta(2, 1, new int[]{orb}, List.of(), List.of()));
        assertThat(right.receive()).isEqualTo(new Delta(2, 1, new int[0], List.of(orb(orb, 1010, 5)), List.of()));
        assertThat(spectator.receive()).as("who sees both sees a move").isEqualTo(new Delta(2, 1, new int[0], List.of(),
                List.of(new EntityChange(orb, 0b11, new int[]{1000, 5}))));
        List.of(left, right, spectator).forEach(Client::assertSeesItsView);
    }

    @Test
    void aViewerThatTeleportsLosesItsOldSurroundingsAndGetsItsNewOnesWhole() {
        int me = spawn(PLAYER, 0, 0);
        int near = spawn(ORB, 20, 0);
        int far = spawn(ORB, 5030, 0);
        Client client = new Client(me);
        capture();
        client.receive();

        moveTo(me, 5000, 0);
        capture();
        assertThat(client.receive()).isEqualTo(new Delta(2, 1, new int[]{near}, List.of(orb(far, 5030, 0)),
                List.of(new EntityChange(me, 0b01, new int[]{5000}))));
        client.assertSeesItsView();
    }

    @Test
    void entitiesOfASeenByAllKindOrWithoutAPositionAreInEveryView() {
        int board = spawn(BOARD, 90_000, 90_000);
        int clock = world.spawn(7, "clock", 1);
        Client client = new Client(spawn(PLAYER, 0, 0));
        spawn(ORB, 500, 500);
        capture();
        client.receive();
        assertThat(client.ids()).contains(board, clock, client.viewer).hasSize(3);
        world.set(clock, 0, 60);
        capture();
        assertThat(client.receive()).isEqualTo(new Delta(2, 1, new int[0], List.of(),
                List.of(new EntityChange(clock, 1, new int[]{60}))));
        client.assertSeesItsView();
    }

    @Test
    void aClientWhoseViewCoversEverythingGetsTheWholeRoomsFrameByteForByte() {
        ViewReplication wide = new ViewReplication(world, new RadiusVisibility(1_000_000, new ViewGrid(40, 0, 1)), 4,
                new MicrometerGameMetrics(registry));
        BaselineReplication whole = new BaselineReplication(world, 4, new MicrometerGameMetrics(new SimpleMeterRegistry()));
        int me = spawn(PLAYER, 0, 0);
        int other = spawn(PLAYER, 300, 300);
        int orb = spawn(ORB, 50, 60);
        Client a = new Client(wide, me);
        Client b = new Client(wide, other);
        Client reference = new Client(whole, me);
        for (int t = 1; t <= 6; t++) {
            world.set(orb, 0, world.get(orb, 0) + 7);
            if (t == 3) {
                world.despawn(orb);
                orb = spawn(ORB, -400, 900);
            }
            wide.capture(t);
            whole.capture(t);
            WireFrame frame = wide.nextFrame(a.replica);
            assertThat(wide.nextFrame(b.replica)).as("one buffer for both").isSameAs(frame);
            assertThat(frame.payload()).as("tick %d", t).isEqualTo(whole.nextFrame(reference.replica).payload());
            a.receive(frame);
            assertThat(a.copy.entities()).isEqualTo(ReplicatedWorld.recordsOf(wide.current()));
        }
    }

    @Test
    void aViewsFrameGoesBackToThePoolWhenTheNextSendTickStartsOrTheRoomStops() {
        Client client = new Client(spawn(PLAYER, 0, 0));
        spawn(ORB, 10, 0);
        spawn(ORB, 3000, 0); // out of view: the client's frame is its own, not the room's
        capture();
        WireFrame first = replication.nextFrame(client.replica);
        assertThat(codec.decodeServer(first.payload())).isInstanceOfSatisfying(Snapshot.class,
                s -> assertThat(s.entities()).hasSize(2));
        capture();
        assertThatThrownBy(first::payload).isInstanceOf(IllegalReferenceCountException.class);
        WireFrame last = replication.nextFrame(client.replica);
        replication.close();
        assertThatThrownBy(last::payload).isInstanceOf(IllegalReferenceCountException.class);
    }

    @Test
    void aSpectatorSeesTheWholeRoom() {
        spawn(PLAYER, 0, 0);
        spawn(ORB, 5000, 5000);
        Client spectator = new Client(0);
        capture();
        spectator.receive();
        assertThat(spectator.copy.size()).isEqualTo(2);
        spectator.assertSeesItsView();
    }

    @Test
    void aSkippedClientCatchesUpFromItsOwnBaselineAndView() {
        int me = spawn(PLAYER, 0, 0);
        int passing = spawn(ORB, 500, 0);
        int arriving = spawn(ORB, 0, 500);
        int staying = spawn(ORB, 50, 0);
        Client lagging = new Client(me);
        Client upToDate = new Client(spawn(PLAYER, 10, 10));
        capture();
        lagging.receive();
        upToDate.receive();

        moveTo(passing, 30, 0); // through the view and out again while the lagging client is skipped
        moveTo(staying, 51, 0);
        capture();
        upToDate.receive();
        moveTo(passing, -500, 0);
        moveTo(arriving, 0, 40);
        capture();
        upToDate.receive();

        assertThat(lagging.receive()).isEqualTo(new Delta(3, 1, new int[0], List.of(orb(arriving, 0, 40)),
                List.of(new EntityChange(staying, 1, new int[]{1}))));
        lagging.assertSeesItsView();
        upToDate.assertSeesItsView();
    }

    @Test
    void aClientWhoseBaselineLeftTheHistoryGetsASnapshotOfItsView() {
        Client client = new Client(spawn(PLAYER, 0, 0));
        spawn(ORB, 20, 20);
        spawn(ORB, 2000, 20);
        capture();
        client.receive();
        for (int t = 2; t <= 6; t++) { // a history of 4
            capture();
        }
        assertThat(client.receive()).isInstanceOfSatisfying(Snapshot.class, s -> assertThat(s.entities()).hasSize(2));
        client.assertSeesItsView();
    }

    @Test
    void aResumedClientContinuesFromTheTickItHoldsWithTheViewItHad() {
        int me = spawn(PLAYER, 0, 0);
        int orb = spawn(ORB, 40, 0);
        Client client = new Client(me);
        capture();
        client.receive();
        moveTo(orb, 400, 0);
        capture();
        replication.nextFrame(client.replica); // written, lost with the socket
        moveTo(orb, 45, 0);
        capture(); // disconnected: not asked

        assertThat(replication.resume(client.replica, client.copy.tick())).isTrue();
        capture();
        assertThat(client.receive()).as("from tick 1, when the orb was in view").isEqualTo(new Delta(4, 1, new int[0],
                List.of(), List.of(new EntityChange(orb, 1, new int[]{5}))));
        client.assertSeesItsView();
    }

    /**
     * Random drift, congestion and history loss: every frame equals the
     * frame the one writer makes of a world holding only what the client
     * held and only its view now. With a radius of 300 in a world about 400
     * wide, views keep growing to the whole room and shrinking again.
     */
    @ParameterizedTest(name = "radius {0}")
    @ValueSource(ints = {R, 300})
    void aFrameIsTheFrameOfAWorldHoldingOnlyTheView(int radius) {
        ViewReplication views = new ViewReplication(world, new RadiusVisibility(radius, new ViewGrid(40, 0, 1), BOARD), 4,
                new MicrometerGameMetrics(registry));
        SplittableRandom random = new SplittableRandom(3);
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            clients.add(new Client(views, spawn(PLAYER, random.nextInt(400), random.nextInt(400)), radius));
        }
        for (int i = 0; i < 60; i++) {
            spawn(ORB, random.nextInt(400), random.nextInt(400));
        }
        SnapshotEncoder reference = new SnapshotEncoder();
        Output out = new Output(4096, FrameCodec.MAX_ENCODED_BYTES);
        int wholeRoom = 0;
        for (int t = 1; t <= 40; t++) {
            for (int id = 1; id <= world.size() + 60; id++) {
                if (world.exists(id)) {
                    moveTo(id, world.get(id, 0) + random.nextInt(-15, 16), world.get(id, 1) + random.nextInt(-15, 16));
                }
            }
            views.capture(t);
            for (Client c : clients) {
                if (t > 1 && random.nextInt(5) == 0) {
                    continue; // congested
                }
                List<EntityRecord> held = c.copy.entities();
                int heldTick = c.copy.tick();
                WireFrame frame = views.nextFrame(c.replica);
                List<EntityRecord> view = Views.radius(views.current(), c.viewer, radius, kind -> kind == BOARD);
                wholeRoom += view.size() == world.size() ? 1 : 0;
                out.reset();
                if (heldTick < 0 || t - heldTick >= 4) { // nothing held, or out of a history of 4
                    reference.writeSnapshot(out, WorldStates.of(t, view));
                } else {
                    reference.writeDelta(out, WorldStates.of(heldTick, held), WorldStates.of(t, view));
                }
                assertThat(frame.payload()).as("client %d at tick %d", c.viewer, t).isEqualTo(out.toBytes());
                c.receive(frame);
                c.assertSeesItsView();
            }
        }
        assertThat(wholeRoom > 0).as("views covering the whole room: %d", wholeRoom).isEqualTo(radius == 300);
    }

    @Test
    void viewSizesFrameSizesAndEncodedCellsAreMeasured() {
        Client client = new Client(spawn(PLAYER, 0, 0));
        spawn(ORB, 10, 0);
        spawn(ORB, 3000, 0);
        capture();
        client.receive();
        capture();
        WireFrame frame = replication.nextFrame(client.replica);
        capture(); // ends the send tick before: its encoded cells are recorded

        assertThat(registry.get("arena.update.entities").summary().max()).isEqualTo(2.0);
        assertThat(registry.get("arena.update.size").summary().count()).isEqualTo(2);
        assertThat(registry.get("arena.update.size").summary().max()).isGreaterThanOrEqualTo(frame.length());
        assertThat(registry.get("arena.view.cells.encoded").summary().count()).isEqualTo(2);
        assertThat(registry.get("arena.view.cells.encoded").summary().max()).as("the player's cell and the orb's").isEqualTo(1.0);
    }

    @Test
    void aRuleOfItsOwnAddsTeamMatesAndHidesWhatItFilters() {
        int me = spawn(PLAYER, 0, 0);
        int mate = spawn(PLAYER, 9000, 9000);
        int hidden = spawn(ORB, 10, 0);
        int shown = spawn(ORB, 20, 0);
        Visibility teams = rule(new ViewGrid(40, 0, 1), (sight, viewer) -> {
            sight.within(sight.field(viewer, 0), sight.field(viewer, 1), R, id -> id != hidden);
            sight.entity(viewer == me ? mate : me);
        });
        ViewReplication own = new ViewReplication(world, teams, 4, new MicrometerGameMetrics(registry));
        Client client = new Client(own, me);
        own.capture(1);
        client.receive();
        assertThat(client.ids()).containsExactlyInAnyOrder(me, mate, shown);
    }

    @Test
    void aRuleWithoutAGridMayNameEntitiesButNotAskForARadius() {
        int me = spawn(PLAYER, 0, 0);
        int named = spawn(ORB, 5000, 0);
        spawn(ORB, 1, 0);
        Visibility byName = rule(null, (sight, viewer) -> {
            sight.entity(named);
            sight.entity(424242);
        });
        ViewReplication own = new ViewReplication(world, byName, 4, new MicrometerGameMetrics(registry));
        Client client = new Client(own, me);
        own.capture(1);
        client.receive();
        assertThat(client.ids()).containsExactlyInAnyOrder(me, named);

        Visibility wrong = rule(null, (sight, viewer) -> sight.within(0, 0, 10));
        ViewReplication refused = new ViewReplication(world, wrong, 4, new MicrometerGameMetrics(registry));
        refused.capture(1);
        assertThatThrownBy(() -> refused.nextFrame(refused.newReplica(me))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs a grid");
    }
}
