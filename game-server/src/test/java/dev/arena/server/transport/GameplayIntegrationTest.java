package dev.arena.server.transport;

import dev.arena.server.game.arena.ArenaGame;
import dev.arena.server.protocol.CloseCodes;
import dev.arena.server.protocol.EntityRecord;
import dev.arena.server.protocol.ErrorMessage;
import dev.arena.server.protocol.Input;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.Leave;
import dev.arena.server.protocol.Ping;
import dev.arena.server.protocol.Pong;
import dev.arena.server.protocol.Snapshot;
import dev.arena.server.protocol.Welcome;
import dev.arena.server.support.TestClient;
import dev.arena.server.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Players on a real server over real WebSockets: joining, seeing each other, leaving, matchmaking. */
class GameplayIntegrationTest {
    private TestServer server;
    private final List<TestClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(Map.of("room.capacity", "3"));
    }

    @AfterEach
    void stop() throws Exception {
        clients.forEach(TestClient::close);
        server.close();
    }

    private TestClient connect() throws Exception {
        TestClient client = TestClient.connect(server.vertx, server.port());
        clients.add(client);
        return client;
    }

    private TestClient joined(String roomId, String name) throws Exception {
        TestClient client = connect();
        client.send(new Join(roomId, name));
        client.await(Welcome.class);
        client.await(Snapshot.class);
        return client;
    }

    @Test
    void twoPlayersInOneRoomSeeEachOtherSpawnAndMove() throws Exception {
        TestClient ann = joined(null, "ann");
        TestClient bob = joined(ann.welcome.roomId(), "bob");
        assertThat(bob.welcome.roomId()).isEqualTo(ann.welcome.roomId());
        int annId = ann.welcome.playerId();
        int bobId = bob.welcome.playerId();

        // Bob's first snapshot holds Ann; Ann sees Bob spawn in a delta.
        assertThat(bob.world.get(annId)).isNotNull();
        assertThat(bob.world.get(annId).label()).isEqualTo("ann");
        ann.awaitWorld(w -> w.get(bobId) != null);
        assertThat(ann.world.get(bobId).label()).isEqualTo("bob");
        assertThat(ann.world.get(bobId).kind()).isEqualTo(ArenaGame.KIND_PLAYER);

        // Ann steers towards the middle; Bob sees her x change and her lastSeq acknowledge the input.
        int startX = bob.world.get(annId).fields()[ArenaGame.FIELD_X];
        float dx = startX > 4000 ? -1f : 1f;
        ann.send(new Input(1, dx, 0f, 0));
        ann.awaitWorld(w -> w.get(annId).fields()[ArenaGame.FIELD_LAST_SEQ] == 1);
        bob.awaitWorld(w -> w.get(annId).fields()[ArenaGame.FIELD_LAST_SEQ] == 1
                && Math.signum(w.get(annId).fields()[ArenaGame.FIELD_X] - startX) == Math.signum(dx));
        EntityRecord seenByBob = bob.world.get(annId);
        assertThat(seenByBob.fields()[ArenaGame.FIELD_Y]).as("moving along x keeps y")
                .isEqualTo(ann.world.get(annId).fields()[ArenaGame.FIELD_Y]);
    }

    @Test
    void aPlayerWhoLeavesIsRemovedForTheOthers() throws Exception {
        TestClient ann = joined(null, "ann");
        TestClient bob = joined(ann.welcome.roomId(), "bob");
        int bobId = bob.welcome.playerId();
        ann.awaitWorld(w -> w.get(bobId) != null);

        bob.send(Leave.INSTANCE);
        ann.awaitWorld(w -> w.get(bobId) == null);
        // A socket that closes without LEAVE keeps its seat for a while: ResumeTest.
    }

    @Test
    void quickJoinFillsARoomToCapacityThenOpensAnother() throws Exception {
        List<String> rooms = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rooms.add(joined(null, "p" + i).welcome.roomId());
        }
        assertThat(rooms.subList(0, 3)).containsOnly(rooms.get(0));
        assertThat(rooms.get(3)).isNotEqualTo(rooms.get(0));

        JsonObject listing = new JsonObject(HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/rooms")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(listing.getJsonArray("rooms").size()).isEqualTo(2);
        assertThat(listing.getJsonArray("rooms").getJsonObject(0).getInteger("players")).isEqualTo(3);
        assertThat(listing.getJsonArray("rooms").getJsonObject(0).getInteger("capacity")).isEqualTo(3);
    }

    @Test
    void concurrentQuickJoinsFillEveryRoomBeforeOpeningAnother() throws Exception {
        List<TestClient> burst = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            burst.add(connect());
        }
        for (TestClient client : burst) {
            client.send(new Join(null, "b"));
        }
        Map<String, Integer> perRoom = new java.util.TreeMap<>();
        for (TestClient client : burst) {
            perRoom.merge(client.await(Welcome.class).roomId(), 1, Integer::sum);
        }
        assertThat(perRoom.values()).as("rooms of capacity 3: %s", perRoom).containsOnly(3).hasSize(4);
    }

    @Test
    void aFullOrUnknownRoomIsRefusedWithAClearErrorAndTheClientMayRetry() throws Exception {
        String roomId = joined(null, "p0").welcome.roomId();
        joined(roomId, "p1");
        joined(roomId, "p2");

        TestClient late = connect();
        late.send(new Join(roomId, "late"));
        ErrorMessage full = late.await(ErrorMessage.class);
        assertThat(full.code()).isEqualTo(CloseCodes.ROOM_FULL);
        assertThat(full.message()).contains(roomId).contains("full");

        late.send(new Join("nope", "late"));
        ErrorMessage unknown = late.await(ErrorMessage.class);
        assertThat(unknown.code()).isEqualTo(CloseCodes.UNKNOWN_ROOM);
        assertThat(unknown.message()).contains("nope");

        late.send(new Join(null, "a-name-that-is-far-too-long"));
        assertThat(late.await(ErrorMessage.class).code()).isEqualTo(CloseCodes.BAD_REQUEST);

        // Still in the lobby: quick-join now succeeds in a new room.
        late.send(new Join(null, "late"));
        assertThat(late.await(Welcome.class).roomId()).isNotEqualTo(roomId);
        assertThat(server.counter("arena.joins.refused", "reason", "room_full")).isEqualTo(1);
        assertThat(server.counter("arena.joins.refused", "reason", "unknown_room")).isEqualTo(1);
    }

    @Test
    void theBrowserClientIsServedAtTheRootAndAlwaysRevalidated() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> index = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("<canvas").contains("main.js");
        assertThat(index.headers().firstValue("Cache-Control")).contains("no-cache");
        HttpResponse<String> module = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/sdk/protocol/constants.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(module.statusCode()).isEqualTo(200);
        assertThat(module.headers().firstValue("Content-Type").orElse("")).contains("javascript");
    }

    @Test
    void aBlankRoomIdIsAQuickJoin() throws Exception {
        TestClient client = connect();
        client.send(new Join("  ", "ann"));
        assertThat(client.await(Welcome.class).roomId()).isNotBlank();
    }

    @Test
    void pingIsAnsweredWithTheSameTime() throws Exception {
        TestClient client = connect();
        client.send(new Ping(123_456_789L));
        assertThat(client.await(Pong.class).time()).isEqualTo(123_456_789L);
    }
}
