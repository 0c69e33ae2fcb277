package dev.arena.server.transport;

import dev.arena.server.game.Game;
import dev.arena.server.game.GameFactory;
import dev.arena.server.game.GameInfo;
import dev.arena.server.game.arena.ArenaGame;
import dev.arena.server.game.arena.ArenaSettings;
import dev.arena.server.protocol.CloseCodes;
import dev.arena.server.protocol.Delta;
import dev.arena.server.protocol.ErrorMessage;
import dev.arena.server.protocol.Input;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.ProtocolVersion;
import dev.arena.server.protocol.Resume;
import dev.arena.server.protocol.ServerMessage;
import dev.arena.server.protocol.Snapshot;
import dev.arena.server.protocol.Welcome;
import dev.arena.server.support.TestClient;
import dev.arena.server.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Players survive drops (PROTOCOL.md, "RESUME"): a seat whose connection
 * closes without LEAVE is held for {@code room.reconnectGraceMillis}, its
 * entity stays for everybody, and a RESUME on a new connection gets it back
 * with a DELTA from the state the client holds. Real server, real sockets,
 * real drops (the TCP connection cut without a close frame).
 */
class ResumeTest {
    private final List<TestClient> clients = new ArrayList<>();
    private final BlockingQueue<String> gameEvents = new LinkedBlockingQueue<>();
    private TestServer server;

    /** The arena game, telling the test which player callbacks it got. */
    private record RecordingGame(Game arena, BlockingQueue<String> events) implements Game {
        @Override
        public GameInfo info() {
            return arena.info();
        }

        @Override
        public int onJoin(String name) {
            return arena.onJoin(name);
        }

        @Override
        public void onLeave(int playerId) {
            events.add("leave " + playerId);
            arena.onLeave(playerId);
        }

        @Override
        public void onDisconnect(int playerId) {
            events.add("disconnect " + playerId);
            arena.onDisconnect(playerId);
        }

        @Override
        public void onReconnect(int playerId) {
            events.add("reconnect " + playerId);
            arena.onReconnect(playerId);
        }

        @Override
        public void onInput(int playerId, Input input) {
            arena.onInput(playerId, input);
        }

        @Override
        public void tick(long tick, double dt) {
            arena.tick(tick, dt);
        }
    }

    private void start(String... overrides) throws Exception {
        Map<String, String> config = new HashMap<>(Map.of("room.capacity", "4", "room.game", "recording"));
        for (int i = 0; i < overrides.length; i += 2) {
            config.put(overrides[i], overrides[i + 1]);
        }
        GameFactory recording = (world, random) ->
                new RecordingGame(new ArenaGame(world, ArenaSettings.BENCHMARK, random), gameEvents);
        server = TestServer.start(config, Map.of("recording", recording));
    }

    @AfterEach
    void stop() throws Exception {
        clients.forEach(TestClient::close);
        if (server != null) {
            server.close();
        }
    }

    private TestClient joined(String roomId, String name) throws Exception {
        TestClient client = TestClient.connect(server.vertx, server.port());
        clients.add(client);
        client.send(new Join(roomId, name));
        client.await(Welcome.class);
        client.await(Snapshot.class);
        return client;
    }

    private TestClient resumed(TestClient previous) throws Exception {
        TestClient client = TestClient.resume(server.vertx, server.port(), previous);
        clients.add(client);
        return client;
    }

    private String nextGameEvent() throws InterruptedException {
        String event = gameEvents.poll(TestClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(event).as("a player callback of the game").isNotNull();
        return event;
    }

    /** Waits until the server has counted {@code n} resumes of {@code result}: it counts once the room answers. */
    private void awaitResumes(String result, int n) {
        await("resumes " + result).atMost(TestClient.TIMEOUT).pollInterval(Duration.ofMillis(10))
                .until(() -> server.counter("arena.resumes", "result", result) == n);
    }

    /** Waits until the server holds {@code n} seats in their grace window. */
    private void awaitHeldSeats(int n) {
        await("seats held").atMost(TestClient.TIMEOUT).pollInterval(Duration.ofMillis(10))
                .until(() -> server.gauge("arena.seats.held") == n);
    }

    @Test
    void aDroppedPlayerKeepsItsSeatStandsStillAndResumesWithTheSameEntityFromADelta() throws Exception {
        start();
        TestClient ann = joined(null, "ann");
        TestClient bob = joined(ann.welcome.roomId(), "bob");
        int annId = ann.welcome.playerId();
        bob.awaitWorld(w -> w.get(annId) != null);
        assertThat(ann.welcome.resumeToken()).as("a 192-bit token in 32 base64url chars").matches("[A-Za-z0-9_-]{32}");
        assertThat(ann.welcome.reconnectGraceMillis()).isEqualTo(15_000);
        assertThat(bob.welcome.resumeToken()).isNotEqualTo(ann.welcome.resumeToken());

        // Ann walks towards the middle, then her network goes.
        int startX = ann.world.get(annId).fields()[ArenaGame.FIELD_X];
        ann.send(new Input(1, startX > 4000 ? -1f : 1f, 0f, 0));
        ann.awaitWorld(w -> w.get(annId).fields()[ArenaGame.FIELD_LAST_SEQ] == 1
                && w.get(annId).fields()[ArenaGame.FIELD_X] != startX);
        int lastTick = ann.world.tick();
        ann.drop();
        assertThat(nextGameEvent()).isEqualTo("disconnect " + annId);
        awaitHeldSeats(1);
        assertThat(server.counter("arena.connections.closed", "reason", "abnormal"))
                .as("a connection cut without a close frame is counted as abnormal").isEqualTo(1);

        // Bob keeps seeing her, and she comes to a stop (the arena game freezes a disconnected player). From
        // the state Ann last held: Bob's older states still show her before her input, standing.
        bob.awaitWorld(w -> w.tick() >= lastTick);
        int[] previousX = {bob.world.get(annId).fields()[ArenaGame.FIELD_X]};
        bob.awaitMessage(m -> {
            if (!(m instanceof Delta)) {
                return false;
            }
            assertThat(bob.world.get(annId)).as("Ann, seen by Bob while she is away").isNotNull();
            int x = bob.world.get(annId).fields()[ArenaGame.FIELD_X];
            boolean still = x == previousX[0];
            previousX[0] = x;
            return still;
        });
        for (int i = 0; i < 5; i++) {
            Delta delta = bob.await(Delta.class);
            assertThat(bob.world.get(annId)).as("Ann at tick %d", delta.tick()).isNotNull();
            assertThat(bob.world.get(annId).fields()[ArenaGame.FIELD_X]).as("Ann stands still").isEqualTo(previousX[0]);
        }

        TestClient back = resumed(ann);
        Welcome welcome = back.await(Welcome.class);
        assertThat(welcome.playerId()).isEqualTo(annId);
        assertThat(welcome.roomId()).isEqualTo(ann.welcome.roomId());
        assertThat(welcome.resumeToken()).as("the seat keeps its token").isEqualTo(ann.welcome.resumeToken());
        ServerMessage first = back.awaitMessage(m -> m instanceof Snapshot || m instanceof Delta);
        assertThat(first).as("the first state after WELCOME").isInstanceOf(Delta.class);
        assertThat(((Delta) first).baselineTick()).as("a delta from the state the client holds").isEqualTo(lastTick);
        assertThat(back.world.get(annId).label()).isEqualTo("ann");
        assertThat(nextGameEvent()).isEqualTo("reconnect " + annId);
        awaitResumes("resumed", 1);
        assertThat(server.gauge("arena.seats.held")).isZero();

        // Her inputs count again, continuing her seq.
        back.send(new Input(2, 0f, 1f, 0));
        bob.awaitWorld(w -> w.get(annId).fields()[ArenaGame.FIELD_LAST_SEQ] == 2);
        assertThat(gameEvents).as("no leave: nobody saw her go").isEmpty();
    }

    @Test
    void aResumeWhileTheOldConnectionIsStillOpenTakesTheSeatOver() throws Exception {
        start();
        TestClient ann = joined(null, "ann");
        int annId = ann.welcome.playerId();

        TestClient other = resumed(ann);
        assertThat(other.await(Welcome.class).playerId()).isEqualTo(annId);
        ErrorMessage error = ann.await(ErrorMessage.class);
        assertThat(error.code()).isEqualTo(CloseCodes.TAKEN_OVER);
        assertThat(ann.awaitClose()).isEqualTo(CloseCodes.TAKEN_OVER);
        other.awaitWorld(w -> w.get(annId) != null);
        awaitResumes("taken_over", 1);
        assertThat(server.counter("arena.connections.closed", "reason", "taken_over")).isEqualTo(1);
        assertThat(server.gauge("arena.seats.held")).as("the old connection's close does not hold the seat").isZero();

        // The seat is the new connection's now: its drop holds it, and a third connection takes it back.
        other.drop();
        awaitHeldSeats(1);
        TestClient third = resumed(other);
        assertThat(third.await(Welcome.class).playerId()).isEqualTo(annId);
        awaitResumes("resumed", 1);
        assertThat(List.of(nextGameEvent(), nextGameEvent())).containsExactly("disconnect " + annId, "reconnect " + annId);
    }

    @Test
    void whenTheWindowEndsTheSeatIsFreedAsByLeaveAndItsTokenIsExpired() throws Exception {
        start("room.reconnectGraceMillis", "300");
        TestClient ann = joined(null, "ann");
        TestClient bob = joined(ann.welcome.roomId(), "bob");
        int annId = ann.welcome.playerId();
        bob.awaitWorld(w -> w.get(annId) != null);

        ann.drop();
        assertThat(nextGameEvent()).isEqualTo("disconnect " + annId);
        bob.awaitWorld(w -> w.get(annId) == null);
        assertThat(nextGameEvent()).isEqualTo("leave " + annId);
        assertThat(server.gauge("arena.seats.held")).isZero();

        TestClient late = resumed(ann);
        ErrorMessage error = late.await(ErrorMessage.class);
        assertThat(error.code()).isEqualTo(CloseCodes.RESUME_FAILED);
        assertThat(error.message()).contains("300 ms").contains("join again");
        assertThat(late.awaitClose()).isEqualTo(CloseCodes.RESUME_FAILED);
        awaitResumes("expired", 1);
        assertThat(server.counter("arena.connections.closed", "reason", "resume_failed")).isEqualTo(1);
    }

    @Test
    void anUnknownTokenALeftSeatAndAnotherProtocolVersionAreRefused() throws Exception {
        start();
        TestClient stranger = TestClient.connect(server.vertx, server.port());
        clients.add(stranger);
        stranger.send(new Resume(ProtocolVersion.CURRENT, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", 10));
        assertThat(stranger.await(ErrorMessage.class).code()).isEqualTo(CloseCodes.RESUME_FAILED);
        assertThat(stranger.awaitClose()).isEqualTo(CloseCodes.RESUME_FAILED);

        // LEAVE gives the seat up for good: its token is unknown from then on.
        TestClient ann = joined(null, "ann");
        ann.send(dev.arena.server.protocol.Leave.INSTANCE);
        TestClient after = resumed(ann);
        assertThat(after.await(ErrorMessage.class).code()).isEqualTo(CloseCodes.RESUME_FAILED);
        awaitResumes("unknown", 2);

        TestClient old = TestClient.connect(server.vertx, server.port());
        clients.add(old);
        old.send(new Resume(1, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", 10));
        ErrorMessage mismatch = old.await(ErrorMessage.class);
        assertThat(mismatch.code()).isEqualTo(CloseCodes.VERSION_MISMATCH);
        assertThat(mismatch.message()).contains("version 2").contains("version 1");
        assertThat(old.awaitClose()).isEqualTo(CloseCodes.VERSION_MISMATCH);
        assertThat(server.counter("arena.connections.closed", "reason", "version_mismatch")).isEqualTo(1);
    }

    @Test
    void aHeldSeatIsNotFreeAndKeepsItsRoomFromBeingDisposed() throws Exception {
        start("room.capacity", "1", "room.emptyGraceMillis", "50");
        TestClient ann = joined(null, "ann");
        String room = ann.welcome.roomId();
        ann.drop();
        awaitHeldSeats(1);

        TestClient bob = TestClient.connect(server.vertx, server.port());
        clients.add(bob);
        bob.send(new Join(room, "bob"));
        assertThat(bob.await(ErrorMessage.class).code()).as("Ann's held seat fills the room").isEqualTo(CloseCodes.ROOM_FULL);
        bob.send(new Join(null, "bob"));
        assertThat(bob.await(Welcome.class).roomId()).as("quick-join opens another room").isNotEqualTo(room);

        // Well past room.emptyGraceMillis, Ann's room is still there for her.
        bob.await(Delta.class);
        bob.awaitWorld(w -> w.tick() > 10);
        TestClient back = resumed(ann);
        assertThat(back.await(Welcome.class).roomId()).isEqualTo(room);
    }

    @Test
    void aStateTooOldForTheHistoryGetsASnapshot() throws Exception {
        start("room.snapshotHistory", "2");
        TestClient ann = joined(null, "ann");
        TestClient bob = joined(ann.welcome.roomId(), "bob");
        int lastTick = ann.world.tick();
        ann.drop();
        awaitHeldSeats(1);
        bob.awaitWorld(w -> w.tick() > lastTick + 3);

        TestClient back = resumed(ann);
        back.await(Welcome.class);
        ServerMessage first = back.awaitMessage(m -> m instanceof Snapshot || m instanceof Delta);
        assertThat(first).as("the history keeps 2 states, the client's is older").isInstanceOf(Snapshot.class);
        assertThat(back.world.get(ann.welcome.playerId())).isNotNull();
    }

    @Test
    void withResumeOffASeatIsFreedAtOnceAndWelcomeCarriesNoToken() throws Exception {
        start("room.reconnectGraceMillis", "0");
        TestClient ann = joined(null, "ann");
        TestClient bob = joined(ann.welcome.roomId(), "bob");
        assertThat(ann.welcome.resumeToken()).isNull();
        assertThat(ann.welcome.reconnectGraceMillis()).isZero();
        int annId = ann.welcome.playerId();
        bob.awaitWorld(w -> w.get(annId) != null);
        ann.drop();
        bob.awaitWorld(w -> w.get(annId) == null);
        assertThat(server.gauge("arena.seats.held")).isZero();
    }

    @Test
    void aClientClosedForBreakingTheProtocolGivesItsSeatUpAtOnce() throws Exception {
        start();
        TestClient ann = joined(null, "ann");
        TestClient bob = joined(ann.welcome.roomId(), "bob");
        int annId = ann.welcome.playerId();
        bob.awaitWorld(w -> w.get(annId) != null);
        ann.sendText("not binary");
        assertThat(ann.awaitClose()).isEqualTo(CloseCodes.UNSUPPORTED_DATA);
        bob.awaitWorld(w -> w.get(annId) == null);
        TestClient back = resumed(ann);
        assertThat(back.await(ErrorMessage.class).code()).isEqualTo(CloseCodes.RESUME_FAILED);
    }
}
