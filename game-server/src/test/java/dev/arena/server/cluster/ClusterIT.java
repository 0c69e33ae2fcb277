package dev.arena.server.cluster;

import dev.arena.server.config.ClusterConfig;
import dev.arena.server.protocol.CloseCodes;
import dev.arena.server.protocol.Delta;
import dev.arena.server.protocol.ErrorMessage;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.ProtocolVersion;
import dev.arena.server.protocol.Redirect;
import dev.arena.server.protocol.ServerMessage;
import dev.arena.server.protocol.Welcome;
import dev.arena.server.support.JarProcess;
import dev.arena.server.support.TestClient;
import dev.arena.server.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.arena.server.support.JarProcess.GAME_SERVER_JAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three game servers, each the shipped jar in its own JVM, clustered on
 * loopback (docs/CLUSTER.md): concurrent quick-joins over all three fill
 * rooms to capacity and never beyond, a join for a room of another node goes
 * through REDIRECT, an unclaimed reservation gives its seat back, and a node
 * killed with SIGKILL leaves the others' room lists within 5 s while a player
 * on another node plays on. Runs after {@code package} (failsafe).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    private static final int V = ProtocolVersion.CURRENT;
    private static final int NODES = 3;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<Node> nodes = new ArrayList<>();
    private static Vertx vertx;
    private final List<TestClient> clients = new ArrayList<>();

    /** One server process: its ports from the start-up line. */
    private record Node(JarProcess process, int http, int management) {
        String url() {
            return "ws://127.0.0.1:" + http + "/ws";
        }
    }

    @BeforeAll
    static void startThreeNodes() throws Exception {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            ports.add(TestServer.freePort());
        }
        String members = ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
        // What each node's Hazelcast is told, checked before any starts: no multicast, no discovery,
        // loopback members and interface only.
        for (int port : ports) {
            var config = HazelcastSettings.of(new ClusterConfig(true, "127.0.0.1", port, 0,
                    ports.stream().map(p -> new ClusterConfig.Member("127.0.0.1", p)).toList(), 1000, ""));
            var join = config.getNetworkConfig().getJoin();
            assertThat(join.getMulticastConfig().isEnabled()).as("multicast").isFalse();
            assertThat(join.getAutoDetectionConfig().isEnabled()).as("auto-detection").isFalse();
            assertThat(join.getTcpIpConfig().getMembers()).allSatisfy(m -> assertThat(m).startsWith("127.0.0.1:"));
            assertThat(config.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
        }
        List<JarProcess> started = new ArrayList<>();
        try {
            for (int port : ports) {
                started.add(JarProcess.start(GAME_SERVER_JAR, List.of("-Darena.http.host=127.0.0.1",
                        "-Darena.http.port=0", "-Darena.management.port=0", "-Darena.http.maxConnectionsPerIp=500",
                        "-Darena.cluster.enabled=true", "-Darena.cluster.host=127.0.0.1",
                        "-Darena.cluster.port=" + port, "-Darena.cluster.members=" + members,
                        "-Darena.cluster.reservationMillis=3000", "-Xmx256m"), List.of(), Map.of()));
            }
            for (JarProcess process : started) {
                process.awaitStdout(JarProcess.STARTED);
                nodes.add(new Node(process, process.httpPort(), Integer.parseInt(process.started().group(4))));
            }
        } catch (Throwable e) {
            for (JarProcess p : started) {
                p.close();
            }
            throw e;
        }
        vertx = Vertx.vertx();
        // Every node has joined all the others.
        for (Node node : nodes) {
            await().atMost(Duration.ofSeconds(30)).until(() -> ready(node)
                    .map(r -> r.getJsonObject("checks").getJsonObject("cluster").getString("detail").endsWith(
                            NODES + " members")).orElse(false));
        }
    }

    @AfterAll
    static void stopNodes() throws Exception {
        for (Node node : nodes) {
            node.process.close();
        }
        if (vertx != null) {
            vertx.close();
        }
    }

    @org.junit.jupiter.api.AfterEach
    void closeClients() {
        clients.forEach(TestClient::close);
        clients.clear();
    }

    @Test
    @Order(1)
    void sixtyConcurrentQuickJoinsOverThreeNodesFillRoomsToCapacityAndNeverBeyond() throws Exception {
        List<TestClient> entries = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            TestClient c = client(nodes.get(i % NODES));
            entries.add(c);
        }
        for (int i = 0; i < 60; i++) {
            entries.get(i).send(new Join(V, "arena", null, "p" + i, 0, null));
        }
        // Every answer first, then every redirected JOIN at once, as 60 independent clients would.
        List<ServerMessage> answers = new ArrayList<>();
        for (TestClient c : entries) {
            answers.add(c.awaitMessage(m -> m instanceof Welcome || m instanceof Redirect || m instanceof ErrorMessage));
        }
        Map<String, Integer> seated = new HashMap<>();
        List<TestClient> redirected = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            if (answers.get(i) instanceof Redirect redirect) {
                TestClient there = client(nodeAt(redirect.url()));
                there.send(new Join(V, "arena", null, "p" + i, 0, null).redirected(redirect));
                redirected.add(there);
            } else {
                assertThat(answers.get(i)).isInstanceOf(Welcome.class);
                seated.merge(((Welcome) answers.get(i)).roomId(), 1, Integer::sum);
            }
        }
        for (TestClient there : redirected) {
            seated.merge(there.await(Welcome.class).roomId(), 1, Integer::sum);
        }
        assertThat(seated.values()).as("players per room").allSatisfy(n -> assertThat(n).isEqualTo(20));
        assertThat(seated).hasSize(3);
        // Every node lists the three full rooms.
        for (Node node : nodes) {
            await().atMost(Duration.ofSeconds(5)).until(() -> rooms(node, "arena").stream()
                    .filter(r -> seated.containsKey(r.getString("id")) && r.getInteger("players") == 20).count() == 3);
        }
    }

    @Test
    @Order(2)
    void aJoinOnOneNodeForARoomOfAnotherSucceedsThroughRedirect() throws Exception {
        TestClient ann = client(nodes.get(0));
        ann.send(new Join(V, "tag", null, "ann", 0, null));
        String room = follow(ann, new Join(V, "tag", null, "ann", 0, null)).roomId();
        Node owner = ownerOf(room);
        Node entry = nodes.stream().filter(n -> n != owner).findFirst().orElseThrow();
        await().atMost(Duration.ofSeconds(5)).until(() -> rooms(entry, "tag").stream().anyMatch(r -> r.getString("id").equals(room)));

        TestClient bob = client(entry);
        bob.send(new Join(V, "tag", room, "bob", 0, null));
        Redirect redirect = bob.await(Redirect.class);
        assertThat(redirect.url()).isEqualTo(owner.url());
        TestClient there = client(owner);
        there.send(new Join(V, "tag", room, "bob", 0, null).redirected(redirect));
        assertThat(there.await(Welcome.class).roomId()).isEqualTo(room);
    }

    @Test
    @Order(3)
    void anExpiredReservationIsReleased() throws Exception {
        TestClient ann = client(nodes.get(1));
        ann.send(new Join(V, "connect4", null, "ann", 0, null));
        String room = follow(ann, new Join(V, "connect4", null, "ann", 0, null)).roomId();
        Node owner = ownerOf(room);
        Node entry = nodes.stream().filter(n -> n != owner).findFirst().orElseThrow();
        await().atMost(Duration.ofSeconds(5)).until(() -> rooms(entry, "connect4").stream().anyMatch(r -> r.getString("id").equals(room)));

        double expired = metric(owner, "arena_reservations_expired_total");
        TestClient bob = client(entry);
        bob.send(new Join(V, "connect4", room, "bob", 0, null));
        Redirect redirect = bob.await(Redirect.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> metric(owner, "arena_reservations_expired_total") > expired);
        TestClient late = client(owner);
        late.send(new Join(V, "connect4", room, "bob", 0, null).redirected(redirect));
        assertThat(late.await(ErrorMessage.class).code()).isEqualTo(CloseCodes.RESERVATION_INVALID);
        // The seat it held is free: the room of two takes another player.
        TestClient cat = client(entry);
        cat.send(new Join(V, "connect4", room, "cat", 0, null));
        assertThat(follow(cat, new Join(V, "connect4", room, "cat", 0, null)).roomId()).isEqualTo(room);
    }

    @Test
    @Order(4)
    void aKilledNodesRoomsLeaveTheOthersWithinFiveSecondsWhileAPlayerElsewherePlaysOn() throws Exception {
        // A room on each of two nodes; the third node is killed with one of them.
        Map<Node, String> roomsByNode = new HashMap<>();
        for (JsonObject r : rooms(nodes.get(0), "arena")) {
            roomsByNode.putIfAbsent(nodeAt(r.getString("url")), r.getString("id"));
        }
        assertThat(roomsByNode).as("arena rooms by node, from the first test").hasSizeGreaterThanOrEqualTo(2);
        TestClient entry = client(nodes.get(2));
        entry.send(new Join(V, "tag", null, "stays", 0, null));
        String playerRoom = follow(entry, new Join(V, "tag", null, "stays", 0, null)).roomId();
        TestClient playing = clients.get(clients.size() - 1);
        Node playerNode = ownerOf(playerRoom);
        Node victim = roomsByNode.keySet().stream().filter(n -> n != playerNode).findFirst().orElseThrow();
        Node survivor = playerNode;
        playing.await(Delta.class);

        long killed = System.nanoTime();
        victim.process.close();
        String gone = roomsByNode.get(victim);
        for (Node node : nodes) {
            if (node != victim) {
                await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                        .until(() -> rooms(node, null).stream().noneMatch(r -> r.getString("id").equals(gone)));
            }
        }
        assertThat(Duration.ofNanos(System.nanoTime() - killed)).isLessThan(Duration.ofSeconds(5));
        // The player on another node kept playing: more updates, no error, no close.
        for (int i = 0; i < 20; i++) {
            playing.await(Delta.class);
        }
        assertThat(playing.drain()).noneMatch(m -> m instanceof ErrorMessage);
        assertThat(playing.isClosed()).isFalse();
        // A quick-join now lands on a live node.
        TestClient late = client(survivor);
        late.send(new Join(V, "arena", null, "late", 0, null));
        Welcome welcome = follow(late, new Join(V, "arena", null, "late", 0, null));
        assertThat(welcome.roomId()).doesNotStartWith(gone.substring(0, gone.indexOf('-')));
    }

    /** Waits for the JOIN's answer on {@code c}; a REDIRECT is followed as clients do. The WELCOME. */
    private Welcome follow(TestClient c, Join join) throws Exception {
        ServerMessage answer = c.awaitMessage(m -> m instanceof Welcome || m instanceof Redirect || m instanceof ErrorMessage);
        if (answer instanceof Redirect redirect) {
            TestClient there = client(nodeAt(redirect.url()));
            there.send(join.redirected(redirect));
            answer = there.awaitMessage(m -> m instanceof Welcome || m instanceof ErrorMessage);
        }
        assertThat(answer).isInstanceOf(Welcome.class);
        return (Welcome) answer;
    }

    private TestClient client(Node node) throws Exception {
        TestClient c = TestClient.connect(vertx, node.http);
        clients.add(c);
        return c;
    }

    private static Node nodeAt(String url) {
        return nodes.stream().filter(n -> n.url().equals(url)).findFirst().orElseThrow(() -> new AssertionError("no node at " + url));
    }

    private static Node ownerOf(String room) throws Exception {
        for (JsonObject r : rooms(nodes.get(0), null)) {
            if (r.getString("id").equals(room)) {
                return nodeAt(r.getString("url"));
            }
        }
        throw new AssertionError("room " + room + " is not listed");
    }

    private static List<JsonObject> rooms(Node node, String game) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.http
                + "/api/rooms" + (game == null ? "" : "?game=" + game))).build(), HttpResponse.BodyHandlers.ofString());
        JsonArray rooms = new JsonObject(response.body()).getJsonArray("rooms");
        return rooms.stream().map(JsonObject.class::cast).toList();
    }

    private static java.util.Optional<JsonObject> ready(Node node) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + node.management + "/ready")).build(), HttpResponse.BodyHandlers.ofString());
            return java.util.Optional.of(new JsonObject(response.body()));
        } catch (Exception e) {
            return java.util.Optional.empty();
        }
    }

    private static double metric(Node node, String name) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.management + "/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        return body.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
