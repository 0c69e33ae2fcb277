package dev.arena.server.ops;

import dev.arena.server.protocol.CloseCodes;
import dev.arena.server.protocol.Delta;
import dev.arena.server.protocol.ErrorMessage;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.Snapshot;
import dev.arena.server.protocol.Welcome;
import dev.arena.server.support.TestClient;
import dev.arena.server.support.TestServer;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /health} and {@code /ready} on the management port of a real server, through its whole life. */
class HealthAndReadinessTest {
    private static JsonObject json(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        return new JsonObject(response.body());
    }

    private static TestClient player(TestServer server) throws Exception {
        TestClient client = TestClient.connect(server.vertx, server.port());
        client.send(new Join(null, "ann"));
        client.await(Welcome.class);
        client.await(Snapshot.class);
        return client;
    }

    @Test
    void aRunningServerIsAliveAndReadyWithEveryCheckPassing() throws Exception {
        try (TestServer server = TestServer.start(Map.of());
             TestClient ann = player(server)) {
            int port = server.server.managementPort();

            HttpResponse<String> health = Scrape.get(port, "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(json(health).getString("status")).isEqualTo("UP");
            assertThat(json(health).getString("version")).isEqualTo(BuildInfo.current().version());
            assertThat(json(health).getString("commit")).isEqualTo(BuildInfo.current().commit());

            HttpResponse<String> ready = Scrape.get(port, "/ready");
            JsonObject body = json(ready);
            assertThat(ready.statusCode()).as(body.encodePrettily()).isEqualTo(200);
            assertThat(body.getString("status")).isEqualTo("UP");
            assertThat(body.getJsonArray("failed")).isEmpty();
            JsonObject checks = body.getJsonObject("checks");
            assertThat(checks.fieldNames()).containsExactlyInAnyOrder("lifecycle", "eventLoops", "rooms");
            assertThat(checks.getJsonObject("lifecycle").getString("detail")).isEqualTo("running");
            assertThat(checks.getJsonObject("eventLoops").getString("detail")).startsWith("all ");
            assertThat(checks.getJsonObject("rooms").getString("detail")).startsWith("1 room within 1000 ms");
            checks.forEach(check -> assertThat(((JsonObject) check.getValue()).getBoolean("ok")).as(check.getKey()).isTrue());
        }
    }

    @Test
    void readyFailsWith503AsSoonAsShutdownBeginsWhilePlayersAreStillServed() throws Exception {
        // A long drain holds the server between "not ready" and "players disconnected";
        // the second stop() ends it, so the test does not wait for it.
        try (TestServer server = TestServer.start(Map.of("management.shutdownDrainMillis", "60000"));
             TestClient ann = player(server)) {
            int port = server.server.managementPort();
            assertThat(Scrape.get(port, "/ready").statusCode()).isEqualTo(200);

            Future<Void> stopping = server.server.stop();

            HttpResponse<String> ready = Scrape.get(port, "/ready");
            JsonObject body = json(ready);
            assertThat(ready.statusCode()).as(body.encodePrettily()).isEqualTo(503);
            assertThat(body.getString("status")).isEqualTo("DOWN");
            assertThat(body.getJsonArray("failed")).isEqualTo(new JsonArray().add("lifecycle"));
            assertThat(body.getJsonObject("checks").getJsonObject("lifecycle").getString("detail")).isEqualTo("shutting down");
            assertThat(Scrape.get(port, "/health").statusCode()).as("alive while draining").isEqualTo(200);
            ann.await(Delta.class);
            assertThat(ann.isClosed()).as("players keep playing during the drain").isFalse();
            try (TestClient late = TestClient.connect(server.vertx, server.port())) {
                late.send(new Join(null, "late"));
                assertThat(late.await(ErrorMessage.class).code()).as("no new players while draining")
                        .isEqualTo(CloseCodes.SHUTTING_DOWN);
            }

            server.server.stop();
            assertThat(ann.awaitClose()).isEqualTo(CloseCodes.GOING_AWAY);
            stopping.await(10, TimeUnit.SECONDS);
            assertThat(server.server.stop()).as("every call returns the same future").isSameAs(stopping);
        }
    }

    @Test
    void gameTrafficAndManagementTrafficUseSeparatePorts() throws Exception {
        try (TestServer server = TestServer.start(Map.of())) {
            int management = server.server.managementPort();
            assertThat(management).isNotEqualTo(server.port());
            for (String path : new String[] {"/ws", "/api/rooms", "/index.html"}) {
                assertThat(Scrape.get(management, path).statusCode()).as("management port, " + path).isEqualTo(404);
            }
            for (String path : new String[] {"/metrics", "/health", "/ready"}) {
                assertThat(Scrape.get(server.port(), path).statusCode()).as("game port, " + path).isEqualTo(404);
            }
        }
    }
}
