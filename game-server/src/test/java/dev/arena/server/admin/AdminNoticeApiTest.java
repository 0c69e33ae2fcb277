package dev.arena.server.admin;

import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.Notice;
import dev.arena.server.protocol.ProtocolVersion;
import dev.arena.server.support.Players;
import dev.arena.server.support.TestClient;
import dev.arena.server.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notices through the admin API on a real server: one to a room reaches its
 * players and spectators and nobody else; one to the server reaches every
 * connection, the lobby's included. "Nobody else" is checked by order: a
 * client outside the room gets the server-wide notice, sent after, as its
 * first NOTICE.
 */
class AdminNoticeApiTest {
    private TestServer server;
    private Players players;
    private AdminHttp admin;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(Map.of());
        players = new Players(server);
        admin = new AdminHttp(server);
    }

    @AfterEach
    void stop() throws Exception {
        players.close();
        server.close();
    }

    @Test
    void aRoomsNoticeReachesThatRoomAloneAndTheServersReachesEveryConnection() throws Exception {
        TestClient ann = players.joined(new Join(null, "ann"));
        String roomId = ann.welcome.roomId();
        TestClient eve = players.joined(new Join(ProtocolVersion.CURRENT, null, roomId, "eve", Join.SPECTATE, null));
        TestClient carl = players.joined(new Join(ProtocolVersion.CURRENT, null, null, "carl", Join.CREATE_PRIVATE, null));
        TestClient lou = players.connect();

        AdminHttp.Reply toRoom = admin.post("/admin/api/notice", new JsonObject().put("room", roomId)
                .put("text", "  <b>Round 2</b> starts now  "));
        assertThat(toRoom.status()).as(toRoom.text()).isEqualTo(200);
        assertThat(toRoom.json()).isEqualTo(new JsonObject().put("scope", "room").put("room", roomId).put("sent", 2));
        AdminHttp.Reply toAll = admin.post("/admin/api/notice", new JsonObject().put("text", "Restart in 5 min 😀"));
        assertThat(toAll.status()).as(toAll.text()).isEqualTo(200);
        assertThat(toAll.json()).isEqualTo(new JsonObject().put("scope", "server"));

        for (TestClient inRoom : List.of(ann, eve)) {
            assertThat(inRoom.await(Notice.class)).as("stripped, and markup stays text")
                    .isEqualTo(new Notice("<b>Round 2</b> starts now"));
            assertThat(inRoom.await(Notice.class)).isEqualTo(new Notice("Restart in 5 min 😀"));
        }
        for (TestClient outside : List.of(carl, lou)) {
            assertThat(outside.await(Notice.class)).as("the room's notice never came")
                    .isEqualTo(new Notice("Restart in 5 min 😀"));
        }
        for (TestClient client : List.of(ann, eve, carl, lou)) {
            assertThat(client.isClosed()).as("a notice changes nothing else").isFalse();
        }
        assertThat(admin.post("/admin/api/notice", new JsonObject().put("room", "r99").put("text", "hi")).status())
                .isEqualTo(404);
        assertThat(server.counter("arena.admin.actions", "action", "notice", "result", "ok")).isEqualTo(2);
        assertThat(server.counter("arena.admin.actions", "action", "notice", "result", "not_found")).isEqualTo(1);
    }
}
