package dev.arena.server.admin;

import dev.arena.server.protocol.CloseCodes;
import dev.arena.server.protocol.Delta;
import dev.arena.server.protocol.ErrorMessage;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.ProtocolVersion;
import dev.arena.server.protocol.Welcome;
import dev.arena.server.support.Http;
import dev.arena.server.support.Players;
import dev.arena.server.support.TestClient;
import dev.arena.server.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rooms of the admin API on a real server with real WebSocket players:
 * the list (private rooms too), one room's players with what their
 * connections show, a kick (ERROR + 4016 to that player alone, its seat
 * freed rather than held) and a close (ERROR + 4015 to everyone in that room
 * alone, the room out of the registry).
 */
class AdminRoomsApiTest {
    private static final int V = ProtocolVersion.CURRENT;

    private TestServer server;
    private Players players;
    private AdminHttp admin;

    private void start(Map<String, String> config) throws Exception {
        server = TestServer.start(config);
        players = new Players(server);
        admin = new AdminHttp(server);
    }

    @AfterEach
    void stop() throws Exception {
        if (players != null) {
            players.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private JsonObject room(String id) throws Exception {
        AdminHttp.Reply reply = admin.get("/admin/api/rooms/" + id);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json();
    }

    private static JsonObject player(JsonObject room, int id) {
        JsonArray list = room.getJsonArray("players");
        for (int i = 0; i < list.size(); i++) {
            if (list.getJsonObject(i).getInteger("id") == id) {
                return list.getJsonObject(i);
            }
        }
        return null;
    }

    @Test
    void theListShowsEveryRoomWithItsShapePrivateOnesToo() throws Exception {
        start(Map.of());
        TestClient ann = players.joined(new Join(null, "ann"));
        TestClient carl = players.joined(new Join(V, null, null, "carl", Join.CREATE_PRIVATE, null));

        AdminHttp.Reply reply = admin.get("/admin/api/rooms");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonArray rooms = reply.json().getJsonArray("rooms");
        assertThat(rooms).hasSize(2);
        JsonObject open = rooms.getJsonObject(0);
        assertThat(open.getString("id")).isEqualTo(ann.welcome.roomId());
        assertThat(open.getString("game")).isEqualTo("arena");
        assertThat(open.getBoolean("private")).isFalse();
        assertThat(open.getInteger("players")).isEqualTo(1);
        assertThat(open.getInteger("capacity")).isEqualTo(20);
        assertThat(open.getInteger("spectators")).isZero();
        assertThat(open.getInteger("maxSpectators")).isEqualTo(32);
        assertThat(open.getInteger("tickHz")).isEqualTo(20);
        assertThat(open.getInteger("sendHz")).isEqualTo(20);
        assertThat(open.getLong("ageSeconds")).isBetween(0L, 60L);
        assertThat(Instant.parse(open.getString("openedAt"))).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(open.getJsonObject("metadata")).isEqualTo(new JsonObject());
        JsonObject hidden = rooms.getJsonObject(1);
        assertThat(hidden.getString("id")).isEqualTo(carl.welcome.roomId());
        assertThat(hidden.getBoolean("private")).isTrue();
        assertThat(hidden.encode()).as("operators act on a private room without its code")
                .doesNotContain(carl.welcome.privateCode());

        assertThat(Http.get(server, "/api/rooms").body().getJsonArray("rooms")).as("the players' list, for contrast")
                .hasSize(1);
    }

    @Test
    void aRoomsPlayersShowTheirNameStateAddressConnectionRoundTripAndTraffic() throws Exception {
        start(Map.of("http.trustedProxies", "127.0.0.1", "session.pingIntervalMillis", "100"));
        TestClient ann = players.connect(Map.of("X-Forwarded-For", "203.0.113.7"));
        ann.send(new Join(null, "ann"));
        ann.await(Welcome.class);
        String roomId = ann.welcome.roomId();
        TestClient bob = players.joined(new Join(roomId, "bob"));
        TestClient eve = players.connect(Map.of("X-Forwarded-For", "10.0.0.1, 198.51.100.9"));
        eve.send(new Join(V, null, roomId, "eve", Join.SPECTATE, null));
        eve.await(Welcome.class);

        JsonObject seen = await("ann's round trip measured").atMost(TestClient.TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> room(roomId), r -> player(r, ann.welcome.playerId()).getValue("rttMillis") != null);
        assertThat(seen.getJsonObject("room").getInteger("players")).isEqualTo(2);
        assertThat(seen.getJsonObject("room").getInteger("spectators")).isEqualTo(1);
        assertThat(seen.getJsonObject("room").getLong("tick")).isPositive();
        JsonObject a = player(seen, ann.welcome.playerId());
        assertThat(a.getString("name")).isEqualTo("ann");
        assertThat(a.getString("state")).isEqualTo("playing");
        assertThat(a.getString("address")).as("the client its trusted proxy named").isEqualTo("203.0.113.7");
        assertThat(Instant.parse(a.getString("connectedSince"))).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(a.getDouble("rttMillis")).isBetween(0.0, 5000.0);
        assertThat(a.getLong("bytesIn")).as("its JOIN and PONGs").isGreaterThan(10);
        assertThat(a.getLong("bytesOut")).as("WELCOME, snapshot, deltas, PINGs").isGreaterThan(100);
        assertThat(player(seen, bob.welcome.playerId()).getString("address")).isEqualTo("127.0.0.1");
        JsonObject e = player(seen, -1);
        assertThat(e.getInteger("id")).as("a spectator's seat number").isNegative();
        assertThat(e.getString("state")).isEqualTo("spectator");
        assertThat(e.getString("address")).as("the rightmost hop that is not a trusted proxy").isEqualTo("198.51.100.9");

        bob.drop();
        JsonObject held = await("bob's seat held").atMost(TestClient.TIMEOUT).pollInterval(Duration.ofMillis(20))
                .until(() -> room(roomId), r -> "grace".equals(player(r, bob.welcome.playerId()).getString("state")));
        assertThat(player(held, bob.welcome.playerId()).getString("address")).as("the connection it dropped from")
                .isEqualTo("127.0.0.1");
        assertThat(held.getJsonObject("room").getInteger("players")).as("a held seat counts").isEqualTo(2);
    }

    @Test
    void aKickClosesThatPlayerWith4016AndFreesItsSeatWhileTheOthersPlayOn() throws Exception {
        start(Map.of());
        TestClient ann = players.joined(new Join(null, "ann"));
        String roomId = ann.welcome.roomId();
        int annId = ann.welcome.playerId();
        TestClient bob = players.joined(new Join(roomId, "bob"));
        bob.awaitWorld(w -> w.get(annId) != null);

        AdminHttp.Reply kicked = admin.post("/admin/api/rooms/" + roomId + "/players/" + annId + "/kick",
                new JsonObject().put("reason", "griefing: 3 warnings"));
        assertThat(kicked.status()).as(kicked.text()).isEqualTo(200);
        assertThat(kicked.json()).isEqualTo(new JsonObject().put("room", roomId).put("player", annId).put("name", "ann")
                .put("spectator", false));

        assertThat(ann.await(ErrorMessage.class)).isEqualTo(new ErrorMessage(CloseCodes.KICKED, "griefing: 3 warnings"));
        assertThat(ann.awaitClose()).isEqualTo(CloseCodes.KICKED);
        bob.awaitWorld(w -> w.get(annId) == null);
        bob.await(Delta.class);
        assertThat(bob.isClosed()).as("the other player plays on").isFalse();
        assertThat(server.gauge("arena.seats.held")).as("a kicked seat is never held").isZero();
        assertThat(player(room(roomId), annId)).isNull();
        assertThat(room(roomId).getJsonObject("room").getInteger("players")).isEqualTo(1);

        TestClient back = players.resumed(ann);
        assertThat(back.await(ErrorMessage.class).code()).as("its resume token brings nothing back")
                .isEqualTo(CloseCodes.RESUME_FAILED);

        assertThat(admin.post("/admin/api/rooms/" + roomId + "/players/" + annId + "/kick", null).status())
                .as("kicked already").isEqualTo(404);
        assertThat(server.counter("arena.connections.closed", "reason", "kicked")).isEqualTo(1);
        assertThat(server.counter("arena.admin.actions", "action", "kick", "result", "ok")).isEqualTo(1);
        assertThat(server.counter("arena.admin.actions", "action", "kick", "result", "not_found")).isEqualTo(1);
    }

    @Test
    void aKickOfASeatHeldAfterADropFreesItAtOnce() throws Exception {
        start(Map.of());
        TestClient ann = players.joined(new Join(null, "ann"));
        String roomId = ann.welcome.roomId();
        ann.drop();
        await("ann's seat held").atMost(TestClient.TIMEOUT).pollInterval(Duration.ofMillis(20))
                .until(() -> server.gauge("arena.seats.held") == 1);

        AdminHttp.Reply kicked = admin.post("/admin/api/rooms/" + roomId + "/players/" + ann.welcome.playerId()
                + "/kick", null);
        assertThat(kicked.status()).as(kicked.text()).isEqualTo(200);
        assertThat(server.gauge("arena.seats.held")).isZero();
        assertThat(room(roomId).getJsonArray("players")).isEmpty();
        TestClient back = players.resumed(ann);
        assertThat(back.await(ErrorMessage.class).code()).isEqualTo(CloseCodes.RESUME_FAILED);
    }

    @Test
    void aSpectatorIsKickedByItsSeatNumberAndTheRoomCountsOneFewer() throws Exception {
        start(Map.of());
        TestClient ann = players.joined(new Join(null, "ann"));
        String roomId = ann.welcome.roomId();
        TestClient eve = players.joined(new Join(V, null, roomId, "eve", Join.SPECTATE, null));
        AdminHttp.Reply kicked = admin.post("/admin/api/rooms/" + roomId + "/players/-1/kick", null);
        assertThat(kicked.status()).as(kicked.text()).isEqualTo(200);
        assertThat(kicked.json().getBoolean("spectator")).isTrue();
        assertThat(eve.await(ErrorMessage.class)).isEqualTo(new ErrorMessage(CloseCodes.KICKED, "kicked by an operator"));
        assertThat(eve.awaitClose()).isEqualTo(CloseCodes.KICKED);
        JsonObject after = room(roomId);
        assertThat(after.getJsonObject("room").getInteger("spectators")).isZero();
        assertThat(after.getJsonArray("players")).hasSize(1);
        await("the registry's count").atMost(TestClient.TIMEOUT).pollInterval(Duration.ofMillis(20))
                .until(() -> admin.get("/admin/api/rooms").json().getJsonArray("rooms").getJsonObject(0)
                        .getInteger("spectators") == 0);
        assertThat(ann.isClosed()).isFalse();
    }

    @Test
    void closingARoomSends4015ToEveryoneInItAndTheRoomLeavesTheRegistry() throws Exception {
        start(Map.of());
        TestClient ann = players.joined(new Join(null, "ann"));
        String roomId = ann.welcome.roomId();
        TestClient eve = players.joined(new Join(V, null, roomId, "eve", Join.SPECTATE, null));
        TestClient carl = players.joined(new Join(V, null, null, "carl", Join.CREATE_PRIVATE, null));

        AdminHttp.Reply closed = admin.post("/admin/api/rooms/" + roomId + "/close",
                new JsonObject().put("reason", "maintenance"));
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        assertThat(closed.json()).isEqualTo(new JsonObject().put("room", roomId).put("players", 1).put("spectators", 1));
        for (TestClient client : List.of(ann, eve)) {
            assertThat(client.await(ErrorMessage.class)).isEqualTo(new ErrorMessage(CloseCodes.CLOSED_BY_OPERATOR,
                    "maintenance"));
            assertThat(client.awaitClose()).isEqualTo(CloseCodes.CLOSED_BY_OPERATOR);
        }
        carl.await(Delta.class);
        assertThat(carl.isClosed()).as("another room plays on").isFalse();

        JsonArray rooms = admin.get("/admin/api/rooms").json().getJsonArray("rooms");
        assertThat(rooms).hasSize(1);
        assertThat(rooms.getJsonObject(0).getString("id")).isEqualTo(carl.welcome.roomId());
        assertThat(admin.get("/admin/api/rooms/" + roomId).status()).isEqualTo(404);
        AdminHttp.Reply again = admin.post("/admin/api/rooms/" + roomId + "/close", null);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.error()).contains("no room " + roomId);
        TestClient late = players.send(new Join(roomId, "late"));
        assertThat(late.await(ErrorMessage.class).code()).isEqualTo(CloseCodes.UNKNOWN_ROOM);

        // Without a reason the players are told who closed it.
        assertThat(admin.post("/admin/api/rooms/" + carl.welcome.roomId() + "/close", null).status()).isEqualTo(200);
        assertThat(carl.await(ErrorMessage.class).message()).isEqualTo("room " + carl.welcome.roomId()
                + " was closed by an operator");
        assertThat(server.counter("arena.connections.closed", "reason", "closed_by_operator")).isEqualTo(3);
        assertThat(server.counter("arena.admin.actions", "action", "close", "result", "ok")).isEqualTo(2);
        assertThat(server.counter("arena.admin.actions", "action", "close", "result", "not_found")).isEqualTo(1);
        await("the rooms stopped").atMost(TestClient.TIMEOUT).pollInterval(Duration.ofMillis(20))
                .until(() -> server.gauge("arena.rooms.active") == 0);
    }
}
