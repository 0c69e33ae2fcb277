package dev.arena.server.transport;

import dev.arena.server.protocol.CloseCodes;
import dev.arena.server.protocol.ErrorMessage;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.ServerMessage;
import dev.arena.server.protocol.Welcome;
import dev.arena.server.support.TestClient;
import dev.arena.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two players on one event loop, so one codec decodes both (one HTTP
 * instance): the probe that made Kryo hand out player A's earlier JOIN text
 * (a length-form string of twelve {@code 0x80} bytes) closes player B with
 * 1002 {@code bad_string}, and nothing B receives holds a char of A's strings.
 */
class StringLeakTest {
    private static final String SECRET_NAME = "秘密の名前";
    private static final String SECRET_ROOM = "部屋番号秘";
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Map.of("http.instances", "1"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @ParameterizedTest(name = "probe {0}")
    @ValueSource(strings = {"as the name: 01 02 80 80 8d 80x12", "as the room id: 01 02 80 8d 80x12 80",
            "as the game: 01 02 8d 80x12 80 80"})
    void playerBNeverObtainsACharOfPlayerAsStrings(String probe) throws Exception {
        // JOIN v2 (PROTOCOL.md): version 2, then game, room id and name; the probe is one of the three.
        String hex = probe.contains("name") ? "0102" + "8080" + "8d" + "80".repeat(12)
                : probe.contains("room id") ? "0102" + "80" + "8d" + "80".repeat(12) + "80"
                : "0102" + "8d" + "80".repeat(12) + "8080";
        double before = server.counter("arena.frames.rejected", "reason", "bad_string");
        try (TestClient a = TestClient.connect(server.vertx, server.port());
             TestClient b = TestClient.connect(server.vertx, server.port())) {
            a.send(new Join(SECRET_ROOM, SECRET_NAME));
            assertThat(a.await(ErrorMessage.class).code()).isEqualTo(CloseCodes.UNKNOWN_ROOM);
            a.send(new Join(null, SECRET_NAME));
            a.await(Welcome.class);

            b.sendRaw(HexFormat.of().parseHex(hex));

            int code;
            try {
                code = b.awaitClose();
            } catch (TimeoutException e) {
                throw new AssertionError("the probe was accepted; B received " + b.drain());
            }
            assertThat(code).isEqualTo(CloseCodes.PROTOCOL_ERROR);
            List<String> seenByB = new ArrayList<>();
            for (ServerMessage m : b.drain()) {
                seenByB.add(String.valueOf(m));
            }
            seenByB.add(b.closeReason());
            for (char secret : (SECRET_NAME + SECRET_ROOM).toCharArray()) {
                assertThat(seenByB).as("what B received").noneMatch(s -> s != null && s.indexOf(secret) >= 0);
            }
            assertThat(b.welcome).as("B's WELCOME").isNull();
        }
        assertThat(server.counter("arena.frames.rejected", "reason", "bad_string")).isEqualTo(before + 1);
    }
}
