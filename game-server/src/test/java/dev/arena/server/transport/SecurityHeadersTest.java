package dev.arena.server.transport;

import dev.arena.server.support.RawHttp;
import dev.arena.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every response of the players' server carries the browser hardening headers. */
class SecurityHeadersTest {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/", "/index.html", "/main.js", "/style.css", "/protocol/codec.js", "/api/rooms",
            "/no-such-file"})
    void everyResponseCarriesTheHeaders(String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isIn(200, 404);
        String host = "127.0.0.1:" + server.port();
        assertThat(response.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'",
                        "connect-src 'self' ws://" + host + " wss://" + host)
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).as("no HSTS without TLS").isEmpty();
    }

    @Test
    void aHostHeaderThatIsNoHostNameStaysOutOfThePolicy() throws Exception {
        try (RawHttp raw = RawHttp.connect(server.port())) {
            raw.send("GET / HTTP/1.1\r\nHost: x; script-src *\r\n\r\n");
            RawHttp.Response response = raw.readResponse();
            assertThat(response.status()).as("Vert.x refuses the Host, and the refusal is hardened too").isEqualTo(400);
            assertThat(response.headers().get("content-security-policy"))
                    .endsWith("connect-src 'self'").doesNotContain("script-src *");
            assertThat(response.headers()).containsEntry("x-content-type-options", "nosniff");
        }
    }
}
