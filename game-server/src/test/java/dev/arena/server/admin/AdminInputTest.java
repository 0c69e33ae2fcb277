package dev.arena.server.admin;

import dev.arena.server.protocol.Join;
import dev.arena.server.support.Players;
import dev.arena.server.support.TestClient;
import dev.arena.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the admin API refuses, on one real server with one player in room
 * {@code r1}: bad input is 400 with a message that names the field, an
 * unknown room, player or ban 404, a body over the bound 413, each as JSON
 * {@code {"error"}}; refused actions are counted by result, and nothing
 * reached the player.
 */
class AdminInputTest {
    private static TestServer server;
    private static Players players;
    private static TestClient ann;
    private static AdminHttp admin;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Map.of());
        players = new Players(server);
        ann = players.joined(new Join(null, "ann"));
        assertThat(ann.welcome.roomId()).isEqualTo("r1");
        admin = new AdminHttp(server);
    }

    @AfterAll
    static void stop() throws Exception {
        players.close();
        server.close();
    }

    static Stream<Arguments> refusals() {
        String kick = "/admin/api/rooms/r1/players/" + "%d/kick";
        return Stream.of(
                Arguments.of("POST", "/admin/api/bans", "{}", 400, "address is required"),
                Arguments.of("POST", "/admin/api/bans", "{\"address\": \"example.com\", \"seconds\": 60}", 400,
                        "address must be an IP address or a CIDR block"),
                Arguments.of("POST", "/admin/api/bans", "{\"address\": \"10.0.0.0/33\", \"seconds\": 60}", 400,
                        "address must be an IP address or a CIDR block"),
                Arguments.of("POST", "/admin/api/bans", "{\"address\": \"0.0.0.0/0\", \"seconds\": 60}", 400,
                        "address 0.0.0.0/0 would ban every client"),
                Arguments.of("POST", "/admin/api/bans", "{\"address\": \"203.0.113.7\"}", 400,
                        "seconds must be a whole number of seconds from 1 to 31536000"),
                Arguments.of("POST", "/admin/api/bans", "{\"address\": \"203.0.113.7\", \"seconds\": 0}", 400,
                        "seconds must be"),
                Arguments.of("POST", "/admin/api/bans", "{\"address\": \"203.0.113.7\", \"seconds\": \"60\"}", 400,
                        "seconds must be"),
                Arguments.of("POST", "/admin/api/bans", "{\"address\": \"203.0.113.7\", \"seconds\": 1.5}", 400,
                        "seconds must be"),
                Arguments.of("POST", "/admin/api/bans", "{\"address\": \"203.0.113.7\", \"seconds\": 60, \"reaosn\": \"x\"}",
                        400, "unknown field reaosn"),
                Arguments.of("POST", "/admin/api/bans", "{\"address\": \"203.0.113.7\", \"seconds\": 60, \"reason\": \""
                        + "r".repeat(201) + "\"}", 400, "reason must be at most 200 characters"),
                Arguments.of("POST", "/admin/api/bans", "[1, 2]", 400, "the body must be a JSON object"),
                Arguments.of("POST", "/admin/api/bans", "{\"address\": ", 400, "the body must be a JSON object"),
                Arguments.of("POST", "/admin/api/notice", "{}", 400, "text is required"),
                Arguments.of("POST", "/admin/api/notice", "{\"text\": \"   \"}", 400, "text is required"),
                Arguments.of("POST", "/admin/api/notice", "{\"text\": 42}", 400, "text must be a string"),
                Arguments.of("POST", "/admin/api/notice", "{\"text\": \"" + "n".repeat(501) + "\"}", 400,
                        "text must be at most 500 characters"),
                Arguments.of("POST", "/admin/api/notice", "{\"text\": \"ring \\u0007 bell\"}", 400,
                        "text must be one line of printable text"),
                Arguments.of("POST", "/admin/api/notice", "{\"text\": \"half \\ud83d emoji\"}", 400,
                        "text holds half of a surrogate pair"),
                Arguments.of("POST", "/admin/api/notice", "{\"text\": \"hi\", \"room\": 1}", 400,
                        "room must be a room id"),
                Arguments.of("POST", "/admin/api/notice", "{\"text\": \"hi\", \"room\": \"r9\"}", 404, "no room r9"),
                Arguments.of("POST", kick.formatted(1).replace("/1/", "/one/"), "{}", 400, "player must be a player id"),
                Arguments.of("POST", kick.formatted(99999), "{}", 404, "no player 99999 in room r1"),
                Arguments.of("POST", "/admin/api/rooms/r9/players/1/kick", "{}", 404, "no room r9"),
                Arguments.of("POST", "/admin/api/rooms/r1/close", "{\"why\": \"x\"}", 400, "unknown field why"),
                Arguments.of("POST", "/admin/api/rooms/r9/close", "", 404, "no room r9"),
                Arguments.of("GET", "/admin/api/rooms/r9", null, 404, "no room r9"),
                Arguments.of("DELETE", "/admin/api/bans/b000000000000", null, 404, "no ban b000000000000"),
                Arguments.of("GET", "/admin/api/nothing", null, 404, "no admin endpoint GET /admin/api/nothing"),
                Arguments.of("POST", "/admin/api/notice", "{\"text\": \"" + "x".repeat(5000) + "\"}", 413,
                        "the request body is over 4096 bytes"));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("refusals")
    void isRefusedWithAMessageThatSaysWhy(String method, String path, String body, int status, String message)
            throws Exception {
        AdminHttp.Reply reply = admin.send(method, path, body);
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(reply.error()).contains(message);
        assertThat(ann.isClosed()).isFalse();
    }

    @Test
    void refusedActionsAreCountedByResult() throws Exception {
        double before = server.counter("arena.admin.actions", "action", "ban", "result", "bad_request");
        admin.post("/admin/api/bans", "{}");
        admin.post("/admin/api/bans", "{\"address\": \"" + "x".repeat(5000) + "\"}");
        assertThat(server.counter("arena.admin.actions", "action", "ban", "result", "bad_request"))
                .as("400 and 413 alike").isEqualTo(before + 2);
    }
}
