package dev.arena.server.room;

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
import dev.arena.server.protocol.Leave;
import dev.arena.server.protocol.Snapshot;
import dev.arena.server.protocol.Welcome;
import dev.arena.server.support.TestClient;
import dev.arena.server.support.TestServer;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Rooms that fail, empty out, or hold connections that never join. */
class RoomLifecycleTest {
    /** Pressing this button makes the game throw. */
    private static final int BOOM = 0xB00;

    /** The arena game, except that the BOOM button throws: a bug in game code. */
    private record FragileGame(Game arena) implements Game {
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
            arena.onLeave(playerId);
        }

        @Override
        public void onInput(int playerId, Input input) {
            if (input.buttons() == BOOM) {
                throw new IllegalStateException("a bug in game code");
            }
            arena.onInput(playerId, input);
        }

        @Override
        public void tick(long tick, double dt) {
            arena.tick(tick, dt);
        }
    }

    private static final GameFactory FRAGILE = (world, random) ->
            new FragileGame(new ArenaGame(world, ArenaSettings.BENCHMARK, random));

    @Test
    void aGameThatThrowsStopsOnlyItsRoomAndItsPlayersAreTold() throws Exception {
        try (TestServer server = TestServer.start(Map.of("room.capacity", "1", "room.game", "fragile"),
                Map.of("fragile", FRAGILE));
             TestClient victim = TestClient.connect(server.vertx, server.port());
             TestClient other = TestClient.connect(server.vertx, server.port())) {
            victim.send(new Join(null, "victim"));
            String failing = victim.await(Welcome.class).roomId();
            other.send(new Join(null, "other"));
            assertThat(other.await(Welcome.class).roomId()).isNotEqualTo(failing);
            other.await(Snapshot.class);

            victim.send(new Input(1, 0, 0, BOOM));

            ErrorMessage error = victim.await(ErrorMessage.class);
            assertThat(error.code()).isEqualTo(CloseCodes.ROOM_CLOSED);
            assertThat(error.message()).contains(failing);
            assertThat(victim.awaitClose()).isEqualTo(CloseCodes.ROOM_CLOSED);
            int tick = other.world.tick();
            other.await(Delta.class);
            other.await(Delta.class);
            assertThat(other.world.tick()).isGreaterThan(tick);
            assertThat(server.counter("arena.rooms.failed")).isEqualTo(1);

            // The failed room is gone from the directory; joining it by id is refused.
            try (TestClient late = TestClient.connect(server.vertx, server.port())) {
                late.send(new Join(failing, "late"));
                assertThat(late.await(ErrorMessage.class).code()).isEqualTo(CloseCodes.UNKNOWN_ROOM);
            }
        }
    }

    @Test
    void anEmptyRoomIsDisposedAfterTheGracePeriod() throws Exception {
        try (TestServer server = TestServer.start(Map.of("room.emptyGraceMillis", "200"));
             TestClient client = TestClient.connect(server.vertx, server.port())) {
            client.send(new Join(null, "ann"));
            client.await(Welcome.class);
            assertThat(rooms(server)).isEqualTo(1);
            client.send(Leave.INSTANCE);
            assertThat(noRoomsWithin(server, 10)).as("room disposed").isTrue();
        }
    }

    @Test
    void aConnectionThatNeverJoinsIsClosedAfterTheJoinTimeout() throws Exception {
        try (TestServer server = TestServer.start(Map.of("session.joinTimeoutMillis", "300"));
             TestClient idle = TestClient.connect(server.vertx, server.port())) {
            assertThat(idle.await(ErrorMessage.class).code()).isEqualTo(CloseCodes.JOIN_TIMEOUT);
            assertThat(idle.awaitClose()).isEqualTo(CloseCodes.JOIN_TIMEOUT);
        }
    }

    private static int rooms(TestServer server) throws Exception {
        return roomCount(server).await(10, TimeUnit.SECONDS);
    }

    private static Future<Integer> roomCount(TestServer server) {
        return server.vertx.eventBus().<JsonObject>request(Addresses.REGISTRY_LIST, null)
                .map(reply -> reply.body().getJsonArray("rooms").size());
    }

    /** Asks the registry every 50 ms, on a Vert.x timer, until it lists no room; false after {@code seconds}. */
    private static boolean noRoomsWithin(TestServer server, int seconds) throws InterruptedException {
        VertxTestContext disposed = new VertxTestContext();
        long timer = server.vertx.setPeriodic(50, id -> roomCount(server).onSuccess(count -> {
            if (count == 0) {
                disposed.completeNow();
            }
        }));
        try {
            return disposed.awaitCompletion(seconds, TimeUnit.SECONDS);
        } finally {
            server.vertx.cancelTimer(timer);
        }
    }
}
