package dev.arena.server.cluster;

import dev.arena.server.protocol.CloseCodes;
import dev.arena.server.protocol.Delta;
import dev.arena.server.protocol.ErrorMessage;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.ProtocolVersion;
import dev.arena.server.protocol.Redirect;
import dev.arena.server.protocol.Snapshot;
import dev.arena.server.protocol.Welcome;
import dev.arena.server.support.ClusterNodes;
import dev.arena.server.support.TestClient;
import dev.arena.server.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two clustered nodes in one JVM (real Hazelcast on loopback, the real
 * clustered event bus, real WebSocket players): the cluster-wide room list,
 * a join on one node for a room of the other through REDIRECT, a reservation
 * that expires and gives its seat back, a placement that skips a full room,
 * a seat held after a drop that the whole cluster counts as taken, a player
 * redirected to the other node who drops and resumes there, and a node that
 * stops leaving the other's directory. The three-process suite is
 * {@code ClusterIT}.
 */
class ClusterDirectoryTest {
    private static final int V = ProtocolVersion.CURRENT;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static ClusterNodes nodes;
    private static TestServer a;
    private static TestServer b;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        nodes = ClusterNodes.start(Map.of("room.capacity", "2", "cluster.reservationMillis", "1000"));
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
    void theHazelcastConfigurationNeverLooksBeyondTheListedLoopbackMembers() {
        var config = HazelcastSettings.of(a.config.cluster());
        var join = config.getNetworkConfig().getJoin();
        assertThat(join.getMulticastConfig().isEnabled()).isFalse();
        assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
        assertThat(join.getTcpIpConfig().getMembers()).allSatisfy(m -> assertThat(m).startsWith("127.0.0.1:"));
        assertThat(config.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
        assertThat(config.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
    }

    @Test
    void eachNodeListsTheOthersRoomsWithTheirNodeAndUrl() throws Exception {
        TestClient ann = joined(a, new Join(V, "tag", null, "ann", 0, null));
        String room = ann.welcome.roomId();
        TestServer owner = owner(room);
        JsonObject listed = await().atMost(Duration.ofSeconds(5)).until(() -> roomOn(other(owner), room), r -> r != null);
        assertThat(listed.getString("node")).isEqualTo(owner.server.clusterNodeId());
        assertThat(listed.getString("url")).isEqualTo("ws://127.0.0.1:" + owner.port() + "/ws");
        assertThat(listed.getInteger("players")).isEqualTo(1);
        JsonObject games = get(other(owner), "/api/games");
        assertThat(games.getJsonArray("games").stream().map(JsonObject.class::cast)
                .filter(g -> g.getString("name").equals("tag")).findFirst().orElseThrow().getInteger("players"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aJoinOnOneNodeForARoomOfTheOtherIsRedirectedAndTheReservationSeatsThePlayer() throws Exception {
        TestClient ann = joined(a, new Join(V, "connect4", null, "ann", 0, null));
        String room = ann.welcome.roomId();
        TestServer owner = owner(room);
        TestServer entry = other(owner);
        await().atMost(Duration.ofSeconds(5)).until(() -> roomOn(entry, room), r -> r != null);

        TestClient bob = client(entry);
        bob.send(new Join(V, "connect4", room, "bob", 0, null));
        Redirect redirect = bob.await(Redirect.class);
        assertThat(redirect.url()).isEqualTo("ws://127.0.0.1:" + owner.port() + "/ws");
        assertThat(redirect.roomId()).isEqualTo(room);
        assertThat(entry.counter("arena.redirects")).isGreaterThanOrEqualTo(1);

        TestClient there = client(owner);
        there.send(new Join(V, "connect4", room, "bob", 0, null).redirected(redirect));
        Welcome welcome = there.await(Welcome.class);
        assertThat(welcome.roomId()).isEqualTo(room);
        // The reservation is spent: presenting it again is refused.
        TestClient replay = client(owner);
        replay.send(new Join(V, "connect4", room, "eve", 0, null).redirected(redirect));
        assertThat(replay.await(ErrorMessage.class).code()).isEqualTo(CloseCodes.RESERVATION_INVALID);
    }

    @Test
    void anUnclaimedReservationExpiresAndItsSeatIsGivenBack() throws Exception {
        TestClient ann = joined(b, new Join(V, "connect4", null, "ann", 0, null));
        String room = ann.welcome.roomId();
        TestServer owner = owner(room);
        TestServer entry = other(owner);
        await().atMost(Duration.ofSeconds(5)).until(() -> roomOn(entry, room), r -> r != null);
        double expiredBefore = owner.counter("arena.reservations.expired");

        TestClient bob = client(entry);
        bob.send(new Join(V, "connect4", room, "bob", 0, null));
        Redirect redirect = bob.await(Redirect.class);
        // The reserved seat fills the room of two: a third player is refused while it is held.
        TestClient cat = client(entry);
        cat.send(new Join(V, "connect4", room, "cat", 0, null));
        assertThat(cat.await(ErrorMessage.class).code()).isEqualTo(CloseCodes.ROOM_FULL);

        await().atMost(Duration.ofSeconds(10)).until(() -> owner.counter("arena.reservations.expired") > expiredBefore);
        TestClient late = client(owner);
        late.send(new Join(V, "connect4", room, "bob", 0, null).redirected(redirect));
        assertThat(late.await(ErrorMessage.class).code()).isEqualTo(CloseCodes.RESERVATION_INVALID);
        // The seat is free again, and anyone may take it.
        cat.send(new Join(V, "connect4", room, "cat", 0, null));
        Redirect again = cat.await(Redirect.class);
        TestClient catThere = client(owner);
        catThere.send(new Join(V, "connect4", room, "cat", 0, null).redirected(again));
        assertThat(catThere.await(Welcome.class).roomId()).isEqualTo(room);
    }

    @Test
    void aSeatHeldAfterADropCountsAsTakenOnEveryNode() throws Exception {
        TestClient ann = joined(a, new Join(V, "arena", null, "ann", 0, null));
        String room = ann.welcome.roomId();
        TestServer owner = owner(room);
        TestServer entry = other(owner);
        TestClient bob = joined(owner, new Join(V, "arena", room, "bob", 0, null));
        await().atMost(Duration.ofSeconds(5)).until(() -> roomOn(entry, room), r -> r != null && r.getInteger("players") == 2);
        double heldBefore = owner.gauge("arena.seats.held");

        bob.drop();
        await().atMost(Duration.ofSeconds(5)).until(() -> owner.gauge("arena.seats.held") > heldBefore);
        // The room of two is still full for the whole cluster while bob's seat waits for his RESUME.
        assertThat(roomOn(entry, room).getInteger("players")).isEqualTo(2);
        TestClient cat = client(entry);
        cat.send(new Join(V, "arena", room, "cat", 0, null));
        assertThat(cat.await(ErrorMessage.class).code()).isEqualTo(CloseCodes.ROOM_FULL);
        TestClient dan = joined(entry, new Join(V, "arena", null, "dan", 0, null));
        assertThat(dan.welcome.roomId()).as("a quick-join skips the room with the held seat").isNotEqualTo(room);
        // Bob takes his seat back, so that the LEAVE after the test frees it rather than the grace window.
        TestClient back = TestClient.resume(owner.vertx, owner.port(), bob);
        nodes.keep(back);
        assertThat(back.await(Welcome.class).playerId()).isEqualTo(bob.welcome.playerId());
    }

    @Test
    void aPlayerRedirectedToTheOwningNodeDropsAndResumesThereWithTheSamePlayerId() throws Exception {
        // A private room of its own, so rooms and held seats other tests left behind cannot take the seats.
        TestClient ann = joined(a, new Join(V, "arena", null, "ann", Join.CREATE_PRIVATE, null));
        String room = ann.welcome.roomId();
        TestServer owner = owner(room);
        TestServer entry = other(owner);
        TestClient bob = client(entry);
        Join join = new Join(V, "arena", null, "bob", 0, ann.welcome.privateCode());
        // A private room is never listed: the JOIN is repeated until the other node's copy of the directory
        // has it (meanwhile it answers 4012, and the connection stays in the lobby).
        Redirect redirect = (Redirect) await().atMost(Duration.ofSeconds(5)).until(() -> {
            bob.send(join);
            return bob.awaitMessage(m -> m instanceof Redirect || m instanceof ErrorMessage);
        }, m -> m instanceof Redirect);
        TestClient there = client(owner);
        there.send(join.redirected(redirect));
        there.welcome = there.await(Welcome.class);
        there.awaitMessage(m -> m instanceof Snapshot);
        assertThat(there.welcome.resumeToken()).isNotNull();
        double heldBefore = owner.gauge("arena.seats.held");

        there.drop();
        await().atMost(Duration.ofSeconds(5)).until(() -> owner.gauge("arena.seats.held") > heldBefore);
        // The token is valid on the node of the room only: the node that redirected never had the seat.
        TestClient wrongNode = TestClient.resume(entry.vertx, entry.port(), there);
        nodes.keep(wrongNode);
        assertThat(wrongNode.await(ErrorMessage.class).code()).isEqualTo(CloseCodes.RESUME_FAILED);

        TestClient back = TestClient.resume(owner.vertx, owner.port(), there);
        nodes.keep(back);
        Welcome welcome = back.await(Welcome.class);
        assertThat(welcome.playerId()).isEqualTo(there.welcome.playerId());
        assertThat(welcome.roomId()).isEqualTo(room);
        assertThat(welcome.resumeToken()).isEqualTo(there.welcome.resumeToken());
        assertThat(back.awaitMessage(m -> m instanceof Delta || m instanceof Snapshot)).isNotNull();
        assertThat(owner.counter("arena.resumes", "result", "resumed")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void bothNodesAreReadyAndCountTwoMembers() throws Exception {
        for (TestServer node : List.of(a, b)) {
            HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + node.server.managementPort() + "/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(new JsonObject(ready.body()).getJsonObject("checks").getJsonObject("cluster").getBoolean("ok"))
                    .isTrue();
            assertThat(node.registry.get("arena.cluster.members").gauge().value()).isEqualTo(2.0);
        }
    }

    @Test
    void aPageOfOneNodeMayConnectToTheOtherWhereARedirectSendsIt() throws Exception {
        String bSocket = "ws://127.0.0.1:" + b.port();
        await().atMost(Duration.ofSeconds(10)).until(() -> HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + a.port() + "/")).build(), HttpResponse.BodyHandlers.discarding())
                .headers().firstValue("Content-Security-Policy").orElse(""), csp -> csp.contains(bSocket));
        // B admits the WebSocket of A's page, and still refuses a page no node serves.
        assertThat(upgrade(b, "http://127.0.0.1:" + a.port())).isTrue();
        assertThat(upgrade(b, "http://127.0.0.1:1")).isFalse();
    }

    /** Whether {@code node} accepts a WebSocket upgrade from a page of {@code origin}. */
    private static boolean upgrade(TestServer node, String origin) {
        try {
            HTTP.newWebSocketBuilder().header("Origin", origin)
                    .buildAsync(URI.create("ws://127.0.0.1:" + node.port() + "/ws"), new java.net.http.WebSocket.Listener() {
                    }).get(10, java.util.concurrent.TimeUnit.SECONDS).abort();
            return true;
        } catch (java.util.concurrent.ExecutionException e) {
            return false;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private TestClient client(TestServer node) throws Exception {
        return nodes.client(node);
    }

    private TestClient joined(TestServer node, Join join) throws Exception {
        return nodes.joined(node, join);
    }

    private static TestServer owner(String roomId) {
        return nodes.owner(roomId);
    }

    private static TestServer other(TestServer node) {
        return nodes.other(node);
    }

    private static JsonObject roomOn(TestServer node, String roomId) throws Exception {
        JsonArray rooms = get(node, "/api/rooms").getJsonArray("rooms");
        return rooms.stream().map(JsonObject.class::cast).filter(r -> r.getString("id").equals(roomId)).findFirst()
                .orElse(null);
    }

    static JsonObject get(TestServer node, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + node.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return new JsonObject(response.body());
    }
}
