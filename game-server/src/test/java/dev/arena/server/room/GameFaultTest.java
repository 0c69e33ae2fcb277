package dev.arena.server.room;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.arena.server.protocol.CloseCodes;
import dev.arena.server.protocol.Delta;
import dev.arena.server.protocol.ErrorMessage;
import dev.arena.server.protocol.Input;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.ServerMessage;
import dev.arena.server.protocol.Snapshot;
import dev.arena.server.protocol.Welcome;
import dev.arena.server.support.TestClient;
import dev.arena.server.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Any fault of game code costs only its room: whatever a game throws (errors
 * included), and a call that never returns. The room's players get ERROR +
 * 4003 in place of their next update, the room leaves the directory and the
 * tick monitor, {@code /ready} stays (or comes back) at 200, and the next
 * quick-join lands in another room. Real server, real sockets, real errors.
 */
class GameFaultTest {
    private final FaultyGame.Controls controls = new FaultyGame.Controls();
    private final List<TestClient> clients = new ArrayList<>();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private TestServer server;

    @BeforeEach
    void captureRoomLogs() {
        log.start();
        ((Logger) LoggerFactory.getLogger(RoomVerticle.class)).addAppender(log);
    }

    @AfterEach
    void stop() throws Exception {
        ((Logger) LoggerFactory.getLogger(RoomVerticle.class)).detachAppender(log);
        controls.release.countDown();
        clients.forEach(TestClient::close);
        if (server != null) {
            server.close();
        }
    }

    private void start(String... overrides) throws Exception {
        Map<String, String> config = new HashMap<>(Map.of("room.game", "faulty", "room.capacity", "4"));
        for (int i = 0; i < overrides.length; i += 2) {
            config.put(overrides[i], overrides[i + 1]);
        }
        server = TestServer.start(config, Map.of("faulty", FaultyGame.factory(controls)));
    }

    private TestClient joined(String roomId, String name) throws Exception {
        TestClient client = TestClient.connect(server.vertx, server.port());
        clients.add(client);
        client.send(new Join(roomId, name));
        client.await(Welcome.class);
        client.await(Snapshot.class);
        return client;
    }

    @ParameterizedTest(name = "a tick that throws {0}")
    @ValueSource(ints = {FaultyGame.STACK_OVERFLOW, FaultyGame.ASSERTION_ERROR})
    void anErrorInATickClosesItsRoomInPlaceOfTheNextUpdateAndNothingElse(int fault) throws Exception {
        start("room.capacity", "2");
        TestClient victim = joined(null, "victim");
        String failing = victim.welcome.roomId();
        TestClient roommate = joined(failing, "roommate");
        TestClient other = joined(null, "other");
        assertThat(other.welcome.roomId()).isNotEqualTo(failing);

        victim.send(new Input(1, 0f, 0f, fault));
        long faultyTick = controls.faultyTicks.poll(10, TimeUnit.SECONDS);
        Delta last = lastDeltaBefore(victim, ErrorMessage.class);
        assertThat(last.tick()).as("no state of the failed tick or later reached the player").isLessThan((int) faultyTick);
        assertThat(last.tick()).as("the ERROR came in place of the next update (at most a catch-up burst late)")
                .isGreaterThanOrEqualTo((int) faultyTick - server.config.room().maxCatchUpTicks());
        assertThat(victim.awaitClose()).isEqualTo(CloseCodes.ROOM_CLOSED);
        assertThat(roommate.await(ErrorMessage.class).code()).isEqualTo(CloseCodes.ROOM_CLOSED);

        assertRoomGoneAndNodeReady(failing);
        other.awaitWorld(w -> w.tick() > faultyTick + 2);
        assertThat(other.isClosed()).as("another room plays on").isFalse();
        assertThat(server.counter("arena.rooms.failed")).isEqualTo(1);
        assertThat(roomLog()).anyMatch(line -> line.contains("room " + failing + " stopped: it threw")
                && line.contains(fault == FaultyGame.STACK_OVERFLOW ? "StackOverflowError" : "AssertionError"));
        assertThat(joinedElsewhere()).isEqualTo(other.welcome.roomId());
    }

    @Test
    void aThrowingOnDisconnectFailsItsRoomToo() throws Exception {
        start();
        TestClient leaver = joined(null, "leaver");
        String failing = leaver.welcome.roomId();
        TestClient stayer = joined(failing, "stayer");
        leaver.send(new Input(1, 0f, 0f, FaultyGame.FAIL_ON_DISCONNECT));
        stayer.awaitWorld(w -> w.get(leaver.welcome.playerId()).fields()[2] == 1);
        leaver.drop();

        assertThat(stayer.await(ErrorMessage.class).code()).isEqualTo(CloseCodes.ROOM_CLOSED);
        assertThat(stayer.awaitClose()).isEqualTo(CloseCodes.ROOM_CLOSED);
        assertRoomGoneAndNodeReady(failing);
        TestClient back = TestClient.resume(server.vertx, server.port(), leaver);
        clients.add(back);
        assertThat(back.await(ErrorMessage.class).code()).as("a failed room's held seats are gone")
                .isEqualTo(CloseCodes.RESUME_FAILED);
    }

    @Test
    void aTickThatNeverReturnsFailsItsRoomFromOutsideWhileItIsStuck() throws Exception {
        start("room.maxTickMillis", "200", "room.failTickMillis", "1000");
        TestClient victim = joined(null, "victim");
        String failing = victim.welcome.roomId();
        int deployments = server.vertx.deploymentIDs().size();

        victim.send(new Input(1, 0f, 0f, FaultyGame.BLOCK));
        controls.faultyTicks.poll(10, TimeUnit.SECONDS);
        ErrorMessage error = victim.await(ErrorMessage.class);
        assertThat(error.code()).isEqualTo(CloseCodes.ROOM_CLOSED);
        assertThat(error.message()).contains(failing).contains("stopped responding");
        assertThat(victim.awaitClose()).isEqualTo(CloseCodes.ROOM_CLOSED);
        assertThat(controls.release.getCount()).as("the game code is still stuck").isEqualTo(1);

        assertRoomGoneAndNodeReady(failing);
        assertThat(joinedElsewhere()).as("quick-join opens a new room").isNotEqualTo(failing);
        assertThat(server.counter("arena.rooms.failed")).isEqualTo(1);
        assertThat(roomLog()).anyMatch(line -> line.contains("room " + failing + " failed: a game call has not returned")
                && line.contains("FaultyGame.blockUntilReleased"));

        // When the stuck call returns at last, its room quietly goes: nothing is sent, its context is undeployed.
        controls.release.countDown();
        await("the failed room undeployed").atMost(TestClient.TIMEOUT).pollInterval(Duration.ofMillis(20))
                .until(() -> server.vertx.deploymentIDs().size() == deployments);
        assertThat(server.counter("arena.ticks.slow")).as("the stuck call is counted as slow when it returns").isEqualTo(1);
        assertThat(roomLog()).anyMatch(line -> line.contains("room " + failing + ": the stuck game call returned"));
        assertThat(server.counter("arena.rooms.failed")).isEqualTo(1);
    }

    @Test
    void aSlowTickIsCountedAndLoggedWithItsRoomAndTheRoomGoesOn() throws Exception {
        start("room.maxTickMillis", "100");
        TestClient player = joined(null, "player");
        String room = player.welcome.roomId();

        player.send(new Input(1, 0f, 0f, FaultyGame.SLOW));
        long slowTick = controls.faultyTicks.poll(10, TimeUnit.SECONDS);
        player.awaitWorld(w -> w.tick() > slowTick + 2);
        assertThat(server.counter("arena.ticks.slow")).isEqualTo(1);
        assertThat(roomLog()).anyMatch(line -> line.contains("room " + room + ": game code ran for")
                && line.contains("room.maxTickMillis (100 ms)"));
        assertThat(server.counter("arena.rooms.failed")).isZero();
    }

    /** Quick-joins a new player; its room. */
    private String joinedElsewhere() throws Exception {
        return joined(null, "later").welcome.roomId();
    }

    /** Consumes messages up to one of {@code type}; the last DELTA before it. */
    private static Delta lastDeltaBefore(TestClient client, Class<? extends ServerMessage> type) throws Exception {
        Delta[] last = {null};
        client.awaitMessage(m -> {
            if (m instanceof Delta d) {
                last[0] = d;
            }
            return type.isInstance(m);
        });
        assertThat(last[0]).as("a DELTA before the " + type.getSimpleName()).isNotNull();
        return last[0];
    }

    private void assertRoomGoneAndNodeReady(String failing) throws Exception {
        // The room tells the directory as it closes its players: the two race, so wait for the directory.
        await("the failed room leaves the directory").atMost(TestClient.TIMEOUT).pollInterval(Duration.ofMillis(10))
                .until(() -> !listedRoomIds().contains(failing));
        HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + server.server.managementPort() + "/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).as("/ready: %s", ready.body()).isEqualTo(200);
        assertThat(new JsonObject(ready.body()).getJsonObject("checks").getJsonObject("rooms").getString("detail"))
                .as("the failed room left the tick monitor").doesNotContain(failing);
    }

    private List<String> listedRoomIds() throws Exception {
        JsonArray rooms = server.vertx.eventBus().<JsonObject>request(Addresses.REGISTRY_LIST, null)
                .await(10, TimeUnit.SECONDS).body().getJsonArray("rooms");
        return rooms.stream().map(r -> ((JsonObject) r).getString("id")).toList();
    }

    private List<String> roomLog() {
        return log.list.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy()))).toList();
    }
}
