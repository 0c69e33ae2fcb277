package dev.arena.server.admin;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.arena.server.protocol.CloseCodes;
import dev.arena.server.protocol.ErrorMessage;
import dev.arena.server.protocol.Join;
import dev.arena.server.support.Players;
import dev.arena.server.support.TestClient;
import dev.arena.server.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may use the admin API: with {@code management.token} set every API path
 * needs it (401 without, counted with the other management refusals), the page
 * itself does not; another web page may not use it through an operator's
 * browser (a cross-origin request, or without a token a DNS-rebound host name,
 * is 403); the players' port serves none of it. Each action is one audit line
 * that names it and never holds the token.
 */
class AdminAccessTest {
    private static final String TOKEN = "0d9f8e7c6b5a4d3c2b1a0f9e8d7c6b5a";

    @Test
    void withATokenEveryApiPathNeedsItAndTheAuditLineNeverHoldsIt() throws Exception {
        ListAppender<ILoggingEvent> audit = new ListAppender<>();
        audit.start();
        Logger logger = (Logger) LoggerFactory.getLogger(AdminAudit.class);
        logger.addAppender(audit);
        String[] target = new String[1];
        try (TestServer server = TestServer.start(Map.of("management.token", TOKEN));
             Players players = new Players(server)) {
            TestClient ann = players.joined(new Join(null, "ann"));
            target[0] = ann.welcome.roomId() + "/" + ann.welcome.playerId();
            String kick = "/admin/api/rooms/" + ann.welcome.roomId() + "/players/" + ann.welcome.playerId() + "/kick";
            AdminHttp anonymous = new AdminHttp(server);
            AdminHttp wrong = new AdminHttp(server, "x" + TOKEN);
            AdminHttp operator = new AdminHttp(server, TOKEN);

            for (String path : List.of("/admin/api/rooms", "/admin/api/rooms/" + ann.welcome.roomId(), "/admin/api/bans")) {
                assertThat(anonymous.get(path).status()).as(path + " without the token").isEqualTo(401);
                assertThat(wrong.get(path).status()).as(path + " with a wrong token").isEqualTo(401);
                assertThat(operator.get(path).status()).as(path + " with the token").isEqualTo(200);
            }
            AdminHttp.Reply refused = anonymous.post(kick, new JsonObject().put("reason", "no"));
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.response().headers().firstValue("WWW-Authenticate"))
                    .hasValue("Bearer realm=\"arena-management\"");
            assertThat(anonymous.post("/admin/api/notice", new JsonObject().put("text", "hi")).status()).isEqualTo(401);
            assertThat(anonymous.post("/admin/api/bans", new JsonObject().put("address", "127.0.0.1")
                    .put("seconds", 60)).status()).isEqualTo(401);
            assertThat(ann.isClosed()).as("nothing happened without the token").isFalse();
            assertThat(server.counter("arena.management.unauthorized")).isEqualTo(9);

            assertThat(operator.post(kick, new JsonObject().put("reason", "flooding \"chat\"\nagain")).status())
                    .as("a reason must be one line").isEqualTo(400);
            assertThat(operator.post(kick, new JsonObject().put("reason", "flooding \"chat\"")).status()).isEqualTo(200);
            assertThat(ann.await(ErrorMessage.class).code()).isEqualTo(CloseCodes.KICKED);

            assertThat(anonymous.get("/admin/").status()).as("the page itself asks for the token").isEqualTo(200);
            assertThat(server.counter("arena.admin.actions")).as("refused requests are no actions").isEqualTo(2);
        } finally {
            logger.detachAppender(audit);
        }
        List<String> lines = audit.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("admin action=kick target=\"" + target[0]
                        + "\" reason=\"flooding \\\"chat\\\"\\nagain\"")
                .as("one line, whatever the reason holds").doesNotContain("\n")
                .contains("result=bad_request status=400 from=127.0.0.1");
        assertThat(lines.get(1)).isEqualTo("admin action=kick target=\"" + target[0]
                + "\" reason=\"flooding \\\"chat\\\"\" result=ok status=200 from=127.0.0.1");
        assertThat(String.join("\n", lines)).doesNotContain(TOKEN);
    }

    @Test
    void thePageIsServedWithTheGamePagesHardeningOnTheManagementPortOnly() throws Exception {
        try (TestServer server = TestServer.start(Map.of())) {
            AdminHttp admin = new AdminHttp(server);
            AdminHttp.Reply page = admin.get("/admin/");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.text()).contains("<title>Arena admin</title>").contains("src=\"main.js\"")
                    .doesNotContain("<script>").doesNotContain("style=");
            assertThat(page.response().headers().firstValue("Content-Security-Policy")).hasValue(AdminPage.POLICY);
            assertThat(page.response().headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(page.response().headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(admin.get("/admin/main.js").response().headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
            assertThat(admin.get("/admin").response().headers().firstValue("Location")).hasValue("/admin/");

            HttpClient http = HttpClient.newHttpClient();
            for (String path : List.of("/admin/", "/admin/api/rooms", "/admin/main.js", "/admin")) {
                HttpResponse<String> game = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(game.statusCode()).as("the players' port, " + path).isEqualTo(404);
            }
        }
    }

    @Test
    void anotherPageCannotUseTheApiThroughAnOperatorsBrowser() throws Exception {
        try (TestServer server = TestServer.start(Map.of())) {
            int port = server.server.managementPort();
            AdminHttp admin = new AdminHttp(server);
            AdminHttp.Reply crossOrigin = admin.post("/admin/api/notice", new JsonObject().put("text", "hi"),
                    "Origin", "https://evil.example");
            assertThat(crossOrigin.status()).isEqualTo(403);
            assertThat(crossOrigin.error()).contains("cross-origin");
            assertThat(admin.get("/admin/api/rooms", "Origin", "http://127.0.0.1:" + port).status())
                    .as("the page's own origin").isEqualTo(200);
            assertThat(server.counter("arena.admin.actions", "action", "notice")).as("refused before it is an action")
                    .isZero();

            assertThat(statusFor(port, "evil.example:" + port)).as("a DNS-rebound name").isEqualTo(403);
            assertThat(statusFor(port, "localhost:" + port)).isEqualTo(200);
            assertThat(statusFor(port, "127.0.0.1:" + port)).isEqualTo(200);
            assertThat(statusFor(port, "[::1]:" + port)).isEqualTo(200);
        }
        try (TestServer server = TestServer.start(Map.of("management.token", TOKEN))) {
            int port = server.server.managementPort();
            assertThat(statusFor(port, "admin.internal:" + port, "Authorization: Bearer " + TOKEN))
                    .as("with a token the name does not matter").isEqualTo(200);
        }
    }

    /** GET /admin/api/rooms with a chosen Host header, which Java's HTTP client will not send. */
    private static int statusFor(int port, String host, String... headers) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) TestClient.TIMEOUT.toMillis());
            StringBuilder request = new StringBuilder("GET /admin/api/rooms HTTP/1.1\r\nHost: " + host + "\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            socket.getOutputStream().write(request.append("Connection: close\r\n\r\n").toString()
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(status.substring(9, 12));
        }
    }
}
