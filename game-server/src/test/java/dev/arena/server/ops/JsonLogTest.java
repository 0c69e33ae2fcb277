package dev.arena.server.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.Leave;
import dev.arena.server.protocol.Snapshot;
import dev.arena.server.protocol.Welcome;
import dev.arena.server.room.RoomVerticle;
import dev.arena.server.support.TestClient;
import dev.arena.server.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON log lines, written by the encoder {@code log.format: json} installs,
 * carry the room and player ids of a real server's room events as fields.
 * ({@code JsonLogIT} parses every line of the real jar in json mode.)
 */
class JsonLogTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    private Logger roomLog;
    private Level level;

    @BeforeEach
    void captureTheRoomLogAsJson() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        appender.setContext(context);
        appender.setEncoder(LogFormat.jsonEncoder(context));
        appender.setOutputStream(out);
        appender.start();
        roomLog = context.getLogger(RoomVerticle.class);
        level = roomLog.getLevel();
        roomLog.setLevel(Level.DEBUG);
        roomLog.addAppender(appender);
    }

    @AfterEach
    void restore() {
        roomLog.detachAppender(appender);
        roomLog.setLevel(level);
        appender.stop();
    }

    private List<JsonObject> lines() {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8).lines().map(JsonObject::new).toList();
        }
    }

    @Test
    void roomAndPlayerLinesCarryTheirIdsAsFields() throws Exception {
        try (TestServer server = TestServer.start(Map.of());
             TestClient ann = TestClient.connect(server.vertx, server.port())) {
            ann.send(new Join(null, "ann"));
            Welcome welcome = ann.await(Welcome.class);
            ann.await(Snapshot.class);
            ann.send(new Leave());
            ann.send(new Join(welcome.roomId(), "ann"));
            ann.await(Welcome.class);

            List<JsonObject> lines = lines();
            assertThat(lines).allSatisfy(line -> {
                assertThat(line.fieldNames()).contains("timestamp", "level", "loggerName", "threadName",
                        "formattedMessage");
                assertThat(line.getString("loggerName")).isEqualTo(RoomVerticle.class.getName());
            });
            JsonObject opened = lines.stream()
                    .filter(l -> l.getString("formattedMessage").startsWith("room " + welcome.roomId() + " opened"))
                    .findFirst().orElseThrow();
            assertThat(opened.getString("level")).isEqualTo("INFO");
            assertThat(opened.getJsonObject("mdc").getMap()).isEqualTo(Map.of("roomId", welcome.roomId()));
            JsonObject joined = lines.stream()
                    .filter(l -> l.getString("formattedMessage").startsWith("player " + welcome.playerId() + " joined"))
                    .findFirst().orElseThrow();
            assertThat(joined.getString("level")).isEqualTo("DEBUG");
            assertThat(joined.getJsonObject("mdc").getMap()).isEqualTo(Map.of("roomId", welcome.roomId(),
                    "playerId", String.valueOf(welcome.playerId())));
            assertThat(lines).anySatisfy(l -> assertThat(l.getString("formattedMessage"))
                    .isEqualTo("player " + welcome.playerId() + " left room " + welcome.roomId()));
        }
    }
}
