package dev.arena.server.admin;

import dev.arena.server.protocol.CloseCodes;
import dev.arena.server.protocol.Delta;
import dev.arena.server.protocol.ErrorMessage;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.Welcome;
import dev.arena.server.support.Players;
import dev.arena.server.support.RawHttp;
import dev.arena.server.support.TestClient;
import dev.arena.server.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bans through the admin API on a real server. Clients come through a
 * trusted proxy (127.0.0.1) that names them in {@code X-Forwarded-For}, so
 * several addresses can be told apart on loopback: a ban refuses upgrades
 * from its block with 403 (counted as {@code banned}), closes the block's
 * open connections with 4016 and leaves every other address alone; it is
 * listed with its end, can be lifted, and ends by itself.
 */
class AdminBansApiTest {
    private static final Map<String, String> FROM_BANNED = Map.of("X-Forwarded-For", "203.0.113.7");
    private static final Map<String, String> FROM_ELSEWHERE = Map.of("X-Forwarded-For", "198.51.100.9");

    private TestServer server;
    private Players players;
    private AdminHttp admin;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(Map.of("http.trustedProxies", "127.0.0.1", "management.maxBans", "3"));
        players = new Players(server);
        admin = new AdminHttp(server);
    }

    @AfterEach
    void stop() throws Exception {
        players.close();
        server.close();
    }

    private TestClient joined(Map<String, String> from, String name, String roomId) throws Exception {
        TestClient client = players.connect(from);
        client.send(new Join(roomId, name));
        client.await(Welcome.class);
        return client;
    }

    private int upgradeStatus(Map<String, String> from) throws Exception {
        return RawHttp.upgrade(server.port(), from).status();
    }

    private static JsonObject ban(String address, int seconds, String reason) {
        return new JsonObject().put("address", address).put("seconds", seconds).put("reason", reason);
    }

    @Test
    void aBanRefusesItsBlockAt403ClosesItsOpenConnectionsAndLeavesOthersAlone() throws Exception {
        TestClient ann = joined(FROM_BANNED, "ann", null);
        String roomId = ann.welcome.roomId();
        TestClient bob = joined(FROM_ELSEWHERE, "bob", roomId);
        TestClient lobby = players.connect(Map.of("X-Forwarded-For", "203.0.113.200"));

        AdminHttp.Reply made = admin.post("/admin/api/bans", ban("203.0.113.0/24", 3600, "cheating"));
        assertThat(made.status()).as(made.text()).isEqualTo(201);
        JsonObject banned = made.json();
        assertThat(banned.getString("id")).matches("b[0-9a-f]{12}");
        assertThat(banned.getString("address")).isEqualTo("203.0.113.0/24");
        assertThat(banned.getString("reason")).isEqualTo("cheating");
        assertThat(Instant.parse(banned.getString("expiresAt"))).isBetween(Instant.now().plusSeconds(3590),
                Instant.now().plusSeconds(3601));
        assertThat(banned.getLong("secondsLeft")).isBetween(3590L, 3600L);

        for (TestClient closed : new TestClient[] {ann, lobby}) {
            assertThat(closed.await(ErrorMessage.class)).isEqualTo(new ErrorMessage(CloseCodes.KICKED,
                    "this address was banned by an operator: cheating"));
            assertThat(closed.awaitClose()).isEqualTo(CloseCodes.KICKED);
        }
        bob.awaitWorld(w -> w.get(ann.welcome.playerId()) == null);
        bob.await(Delta.class);
        assertThat(bob.isClosed()).as("another address plays on").isFalse();
        assertThat(server.gauge("arena.seats.held")).as("a banned player's seat is given up, not held").isZero();

        RawHttp.Response refused = RawHttp.upgrade(server.port(), FROM_BANNED);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.headers().get("x-arena-refusal")).isEqualTo("banned");
        assertThat(refused.body()).contains("203.0.113.7").contains("banned until " + banned.getString("expiresAt"))
                .as("the operator's reason stays with the operators").doesNotContain("cheating");
        assertThat(upgradeStatus(FROM_ELSEWHERE)).isEqualTo(101);
        assertThat(upgradeStatus(Map.of())).as("the proxy itself, 127.0.0.1").isEqualTo(101);
        assertThat(server.counter("arena.upgrades.refused", "reason", "banned")).isEqualTo(1);
        assertThat(server.counter("arena.admin.actions", "action", "ban", "result", "ok")).isEqualTo(1);

        JsonArray listed = admin.get("/admin/api/bans").json().getJsonArray("bans");
        assertThat(listed).hasSize(1);
        assertThat(listed.getJsonObject(0).getString("id")).isEqualTo(banned.getString("id"));
        assertThat(admin.get("/admin/api/bans").json().getInteger("max")).isEqualTo(3);
    }

    @Test
    void aLiftedBanLetsItsAddressBackAtOnce() throws Exception {
        String id = admin.post("/admin/api/bans", ban("203.0.113.7", 600, "")).json().getString("id");
        assertThat(upgradeStatus(FROM_BANNED)).isEqualTo(403);

        AdminHttp.Reply lifted = admin.delete("/admin/api/bans/" + id);
        assertThat(lifted.status()).as(lifted.text()).isEqualTo(200);
        assertThat(lifted.json().getString("address")).isEqualTo("203.0.113.7");
        assertThat(upgradeStatus(FROM_BANNED)).isEqualTo(101);
        assertThat(admin.get("/admin/api/bans").json().getJsonArray("bans")).isEmpty();
        assertThat(admin.delete("/admin/api/bans/" + id).status()).as("lifted already").isEqualTo(404);
        assertThat(server.counter("arena.admin.actions", "action", "unban", "result", "ok")).isEqualTo(1);
        assertThat(server.counter("arena.admin.actions", "action", "unban", "result", "not_found")).isEqualTo(1);
    }

    @Test
    void aBanEndsByItself() throws Exception {
        assertThat(admin.post("/admin/api/bans", ban("203.0.113.7", 1, "a second")).status()).isEqualTo(201);
        assertThat(upgradeStatus(FROM_BANNED)).isEqualTo(403);
        await("the ban ends").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> upgradeStatus(FROM_BANNED) == 101);
        assertThat(admin.get("/admin/api/bans").json().getJsonArray("bans")).as("and leaves the list").isEmpty();
    }

    @Test
    void theListIsBoundedAndAgainBanningABlockReplacesItsBan() throws Exception {
        String first = admin.post("/admin/api/bans", ban("203.0.113.7", 60, "one")).json().getString("id");
        admin.post("/admin/api/bans", ban("198.51.100.0/24", 60, "two"));
        admin.post("/admin/api/bans", ban("2001:db8::/32", 60, "three"));

        AdminHttp.Reply full = admin.post("/admin/api/bans", ban("192.0.2.1", 60, "four"));
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.error()).contains("management.maxBans = 3");
        assertThat(server.counter("arena.admin.actions", "action", "ban", "result", "refused")).isEqualTo(1);

        AdminHttp.Reply longer = admin.post("/admin/api/bans", ban("203.0.113.7/32", 7200, "one, longer"));
        assertThat(longer.status()).as("a block banned already: its ban is renewed, not added").isEqualTo(201);
        assertThat(longer.json().getString("id")).isEqualTo(first);
        assertThat(longer.json().getString("reason")).isEqualTo("one, longer");
        assertThat(admin.get("/admin/api/bans").json().getJsonArray("bans")).hasSize(3);
    }
}
