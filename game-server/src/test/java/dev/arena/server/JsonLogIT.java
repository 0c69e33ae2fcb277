package dev.arena.server;

import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.Welcome;
import dev.arena.server.support.JarProcess;
import dev.arena.server.support.TestClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code log.format: json} on the real jar: every line of a short run is one JSON object. */
class JsonLogIT {
    @Test
    void everyLineOfAShortRunIsAJsonObjectWithTheDocumentedFields() throws Exception {
        Vertx vertx = Vertx.vertx();
        List<String> lines;
        String roomId;
        try (JarProcess server = JarProcess.startServer("-Darena.log.format=json");
             TestClient ann = TestClient.connect(vertx, server.httpPort())) {
            ann.send(new Join(null, "ann"));
            roomId = ann.await(Welcome.class).roomId();
            server.terminate();
            server.awaitExit(Duration.ofSeconds(30));
            lines = server.output();
        } finally {
            vertx.close().await();
        }

        List<JsonObject> events = new ArrayList<>();
        for (String line : lines) {
            try {
                events.add(new JsonObject(line));
            } catch (DecodeException e) {
                throw new AssertionError("not a JSON object: " + line, e);
            }
        }
        assertThat(events).allSatisfy(event -> {
            assertThat(event.fieldNames()).contains("timestamp", "level", "loggerName", "threadName", "formattedMessage");
            assertThat(event.getValue("timestamp")).isInstanceOf(Number.class);
        });
        List<String> messages = events.stream().map(e -> e.getString("formattedMessage")).toList();
        assertThat(messages).anyMatch(m -> m.matches("arena game-server .* on http://localhost:\\d+/ .*transport \\w+"))
                .anyMatch(m -> m.startsWith("stopping: "))
                .anyMatch(m -> m.startsWith("disconnected 1 players in 1 rooms"))
                .anyMatch(m -> m.matches("stopped in \\d+ ms"));
        JsonObject opened = events.stream().filter(e -> e.getString("formattedMessage").startsWith("room " + roomId + " opened"))
                .findFirst().orElseThrow(() -> new AssertionError("no line about the room opening: " + messages));
        assertThat(opened.getJsonObject("mdc").getMap()).isEqualTo(Map.of("roomId", roomId));
    }
}
