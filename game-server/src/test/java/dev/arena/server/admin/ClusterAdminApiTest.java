package dev.arena.server.admin;

import com.microsoft.playwright.Page;
import dev.arena.server.protocol.CloseCodes;
import dev.arena.server.protocol.ErrorMessage;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.Notice;
import dev.arena.server.protocol.ProtocolVersion;
import dev.arena.server.support.Chromium;
import dev.arena.server.support.ClusterNodes;
import dev.arena.server.support.RawHttp;
import dev.arena.server.support.TestClient;
import dev.arena.server.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admin API of a cluster: two clustered nodes in one JVM (real Hazelcast
 * on loopback, the real clustered event bus, real WebSocket players), every
 * call made on the node that does NOT own the room it acts on. The list
 * shows the other node's rooms with their node; inspecting, kicking, a
 * room's notice and closing reach the owning node's room; a notice to all
 * reaches both nodes' connections; a ban made on one node refuses upgrades
 * and closes connections on the other, is listed and lifted there, and a
 * node joining later takes it. The admin page, in Chromium, names the node
 * of each room. The protocol side of the cluster is
 * {@code ClusterDirectoryTest}.
 */
class ClusterAdminApiTest {
    private static final int V = ProtocolVersion.CURRENT;
    private static final Map<String, String> FROM_BANNED = Map.of("X-Forwarded-For", "203.0.113.7");
    private static final Map<String, String> SETTINGS = Map.of("http.trustedProxies", "127.0.0.1");
    private static ClusterNodes nodes;
    private static TestServer a;
    private static TestServer b;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        nodes = ClusterNodes.start(SETTINGS);
        a = nodes.a;
        b = nodes.b;
    }

    @AfterAll
    static void stopNodes() throws Exception {
        if (nodes != null) {
            nodes.close();
        }
    }

    @AfterEach
    void closeClients() {
        nodes.closeClients();
    }

    @Test
    void theOtherNodesRoomIsListedInspectedKickedToldAndClosedThroughThisNodesApi() throws Exception {
        TestClient ann = nodes.joined(a, new Join(V, "arena", null, "ann", 0, null));
        String room = ann.welcome.roomId();
        TestServer owner = nodes.owner(room);
        TestServer here = nodes.other(owner);
        AdminHttp admin = new AdminHttp(here);
        await("the owner's room in this node's admin list").atMost(Duration.ofSeconds(5))
                .until(() -> adminRoom(admin, room), r -> r != null);
        TestClient bob = nodes.joined(here, new Join(V, "arena", room, "bob", 0, null));
        assertThat(bob.welcome.roomId()).isEqualTo(room);

        JsonObject listed = await("both players counted").atMost(Duration.ofSeconds(5))
                .until(() -> adminRoom(admin, room), r -> r.getInteger("players") == 2);
        assertThat(listed.getString("node")).isEqualTo(owner.server.clusterNodeId());
        assertThat(listed.getString("url")).isEqualTo("ws://127.0.0.1:" + owner.port() + "/ws");
        assertThat(listed.getBoolean("private")).isFalse();
        assertThat(listed.getInteger("capacity")).isEqualTo(20);
        assertThat(listed.getInteger("tickHz")).isEqualTo(20);
        assertThat(listed.getInteger("sendHz")).isEqualTo(20);
        assertThat(listed.getString("openedAt")).isNotNull();
        assertThat(admin.get("/admin/api/rooms").json().getJsonArray("rooms").stream().map(JsonObject.class::cast))
                .as("every room names its node").allSatisfy(r -> assertThat(r.getString("node")).isNotNull());

        AdminHttp.Reply inspected = admin.get("/admin/api/rooms/" + room);
        assertThat(inspected.status()).as(inspected.text()).isEqualTo(200);
        assertThat(inspected.json().getJsonObject("room").getString("node")).isEqualTo(owner.server.clusterNodeId());
        assertThat(inspected.json().getJsonArray("players").stream().map(p -> ((JsonObject) p).getString("name")))
                .containsExactlyInAnyOrder("ann", "bob");

        AdminHttp.Reply told = admin.post("/admin/api/notice", new JsonObject().put("room", room).put("text", "gg"));
        assertThat(told.json()).isEqualTo(new JsonObject().put("scope", "room").put("room", room).put("sent", 2));
        assertThat(ann.await(Notice.class)).isEqualTo(new Notice("gg"));
        assertThat(bob.await(Notice.class)).isEqualTo(new Notice("gg"));

        AdminHttp.Reply kicked = admin.post("/admin/api/rooms/" + room + "/players/" + ann.welcome.playerId() + "/kick",
                new JsonObject().put("reason", "griefing"));
        assertThat(kicked.status()).as(kicked.text()).isEqualTo(200);
        assertThat(ann.await(ErrorMessage.class)).isEqualTo(new ErrorMessage(CloseCodes.KICKED, "griefing"));
        assertThat(ann.awaitClose()).isEqualTo(CloseCodes.KICKED);
        assertThat(bob.isClosed()).as("the other player plays on").isFalse();
        assertThat(here.counter("arena.admin.actions", "action", "kick", "result", "ok"))
                .as("audited where the API was called").isEqualTo(1);

        AdminHttp.Reply closed = admin.post("/admin/api/rooms/" + room + "/close", new JsonObject().put("reason", "bye"));
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        assertThat(bob.await(ErrorMessage.class)).isEqualTo(new ErrorMessage(CloseCodes.CLOSED_BY_OPERATOR, "bye"));
        assertThat(bob.awaitClose()).isEqualTo(CloseCodes.CLOSED_BY_OPERATOR);
        await("the closed room leaves this node's list").atMost(Duration.ofSeconds(5))
                .until(() -> adminRoom(admin, room) == null);
        assertThat(admin.get("/admin/api/rooms/" + room).status()).isEqualTo(404);
    }

    @Test
    void theAdminPageOfOneNodeShowsTheOtherNodesRoomWithItsNode() throws Exception {
        TestClient ann = nodes.joined(a, new Join(V, "connect4", null, "ann", Join.CREATE_PRIVATE, null));
        String room = ann.welcome.roomId();
        TestServer owner = nodes.owner(room);
        String node = owner.server.clusterNodeId();
        try (Chromium chromium = Chromium.launch("ClusterAdminApiTest")) {
            Page page = chromium.browser().newPage();
            page.setDefaultTimeout(15_000);
            page.navigate("http://127.0.0.1:" + nodes.other(owner).server.managementPort() + "/admin/");
            String row = "#room-rows tr[data-room-id='" + room + "']";
            page.waitForSelector(row);
            assertThat(page.isVisible("#node-column")).isTrue();
            assertThat(page.textContent(row + " td.node")).isEqualTo(node);
            page.click(row + " button.room-link");
            page.waitForSelector("#player-rows tr[data-player-id='" + ann.welcome.playerId() + "']");
            assertThat(page.textContent("#room-facts")).startsWith("connect4, private on node " + node + ":");
        }
    }

    @Test
    void aNoticeToAllReachesTheConnectionsOfEveryNode() throws Exception {
        TestClient onA = nodes.client(a);
        TestClient onB = nodes.client(b);
        AdminHttp.Reply told = new AdminHttp(a).post("/admin/api/notice", new JsonObject().put("text", "restart soon"));
        assertThat(told.status()).as(told.text()).isEqualTo(200);
        assertThat(onA.await(Notice.class)).isEqualTo(new Notice("restart soon"));
        assertThat(onB.await(Notice.class)).isEqualTo(new Notice("restart soon"));
    }

    @Test
    void aBanMadeOnOneNodeHoldsOnTheOtherIsListedAndLiftedThereAndReachesANodeThatJoinsLater() throws Exception {
        TestClient there = nodes.client(b, FROM_BANNED);
        AdminHttp.Reply made = new AdminHttp(a).post("/admin/api/bans", new JsonObject().put("address", "203.0.113.0/24")
                .put("seconds", 600).put("reason", "cheating"));
        assertThat(made.status()).as(made.text()).isEqualTo(201);
        String id = made.json().getString("id");

        assertThat(there.await(ErrorMessage.class)).isEqualTo(new ErrorMessage(CloseCodes.KICKED,
                "this address was banned by an operator: cheating"));
        assertThat(there.awaitClose()).isEqualTo(CloseCodes.KICKED);
        await("the ban applied at the other node's door").atMost(Duration.ofSeconds(5))
                .until(() -> RawHttp.upgrade(b.port(), FROM_BANNED).status() == 403);
        assertThat(b.counter("arena.upgrades.refused", "reason", "banned")).isEqualTo(1);
        JsonArray listed = new AdminHttp(b).get("/admin/api/bans").json().getJsonArray("bans");
        assertThat(listed).hasSize(1);
        assertThat(listed.getJsonObject(0).getString("id")).as("the same ban, by its id").isEqualTo(id);

        int portC = TestServer.freePort();
        try (TestServer c = TestServer.startClustered(portC, nodes.members + ",127.0.0.1:" + portC, SETTINGS)) {
            assertThat(new AdminHttp(c).get("/admin/api/bans").json().getJsonArray("bans").getJsonObject(0)
                    .getString("id")).as("taken as it joined").isEqualTo(id);
            assertThat(RawHttp.upgrade(c.port(), FROM_BANNED).status()).isEqualTo(403);
        }

        AdminHttp.Reply lifted = new AdminHttp(b).delete("/admin/api/bans/" + id);
        assertThat(lifted.status()).as("lifted on a node that did not make it: " + lifted.text()).isEqualTo(200);
        await("lifted on the node that made it").atMost(Duration.ofSeconds(5))
                .until(() -> new AdminHttp(a).get("/admin/api/bans").json().getJsonArray("bans").isEmpty());
        assertThat(RawHttp.upgrade(a.port(), FROM_BANNED).status()).isEqualTo(101);
        assertThat(RawHttp.upgrade(b.port(), FROM_BANNED).status()).isEqualTo(101);
    }

    private static JsonObject adminRoom(AdminHttp admin, String roomId) throws Exception {
        AdminHttp.Reply reply = admin.get("/admin/api/rooms");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json().getJsonArray("rooms").stream().map(JsonObject.class::cast)
                .filter(r -> r.getString("id").equals(roomId)).findFirst().orElse(null);
    }
}
