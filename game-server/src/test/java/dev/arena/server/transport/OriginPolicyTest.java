package dev.arena.server.transport;

import dev.arena.server.support.RawHttp;
import dev.arena.server.support.RawHttp.Response;
import dev.arena.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser upgrade from an origin that is not allowed gets 403 before any
 * 101, counted {@code reason="origin"}; requests without an Origin are
 * allowed unless {@code http.requireOrigin}.
 */
class OriginPolicyTest {
    private static final String COUNTER = "arena.upgrades.refused";
    private static TestServer defaults;

    @BeforeAll
    static void start() throws Exception {
        defaults = TestServer.start(Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        defaults.close();
    }

    @ParameterizedTest(name = "Origin: {0}")
    @ValueSource(strings = {"https://evil.example", "null", "http://127.0.0.1:1", "http://localhost.evil.example",
            "not an origin"})
    void withTheDefaultsAForeignOriginGets403(String origin) throws Exception {
        double before = defaults.counter(COUNTER, "reason", "origin");
        Response refused = RawHttp.upgrade(defaults.port(), Map.of("Origin", origin));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.headers()).containsEntry("x-arena-refusal", "origin").doesNotContainKey("upgrade");
        assertThat(refused.body()).contains("http.allowedOrigins");
        assertThat(defaults.counter(COUNTER, "reason", "origin")).isEqualTo(before + 1);
    }

    @Test
    void withTheDefaultsThePagesOwnOriginAndNoOriginMayUpgrade() throws Exception {
        int port = defaults.port();
        assertThat(RawHttp.upgrade(port, Map.of("Origin", "http://127.0.0.1:" + port)).status()).isEqualTo(101);
        assertThat(RawHttp.upgrade(port, Map.of("Origin", "HTTP://127.0.0.1:" + port)).status()).isEqualTo(101);
        assertThat(RawHttp.upgrade(port, Map.of()).status()).as("no Origin: a bot").isEqualTo(101);
    }

    @Test
    void requireOriginRefusesAnUpgradeWithoutOne() throws Exception {
        try (TestServer server = TestServer.start(Map.of("http.requireOrigin", "true"))) {
            Response refused = RawHttp.upgrade(server.port(), Map.of());
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).contains("http.requireOrigin");
            assertThat(RawHttp.upgrade(server.port(), Map.of("Origin", "http://127.0.0.1:" + server.port())).status())
                    .isEqualTo(101);
        }
    }

    @Test
    void anAllowListAdmitsExactlyItsOrigins() throws Exception {
        try (TestServer server = TestServer.start(Map.of("http.allowedOrigins",
                "https://play.example.com, http://localhost:3000"))) {
            int port = server.port();
            assertThat(RawHttp.upgrade(port, Map.of("Origin", "https://play.example.com")).status()).isEqualTo(101);
            assertThat(RawHttp.upgrade(port, Map.of("Origin", "https://play.example.com:443")).status()).isEqualTo(101);
            assertThat(RawHttp.upgrade(port, Map.of("Origin", "http://localhost:3000")).status()).isEqualTo(101);
            assertThat(RawHttp.upgrade(port, Map.of("Origin", "http://play.example.com")).status()).isEqualTo(403);
            assertThat(RawHttp.upgrade(port, Map.of("Origin", "http://127.0.0.1:" + port)).status())
                    .as("with a list, the server's own host is not implied").isEqualTo(403);
        }
    }

    @Test
    void aStarAdmitsAnyOrigin() throws Exception {
        try (TestServer server = TestServer.start(Map.of("http.allowedOrigins", "*"))) {
            assertThat(RawHttp.upgrade(server.port(), Map.of("Origin", "https://evil.example")).status()).isEqualTo(101);
            assertThat(RawHttp.upgrade(server.port(), Map.of("Origin", "null")).status()).isEqualTo(101);
        }
    }

    @Test
    void behindATrustedProxyTheForwardedHostIsTheServersOwn() throws Exception {
        try (TestServer server = TestServer.start(Map.of("http.trustedProxies", "127.0.0.1"))) {
            Map<String, String> headers = new HashMap<>(Map.of("Origin", "https://game.example.com",
                    "X-Forwarded-Host", "game.example.com"));
            assertThat(RawHttp.upgrade(server.port(), headers).status()).isEqualTo(101);
            headers.put("X-Forwarded-Host", "other.example.com");
            assertThat(RawHttp.upgrade(server.port(), headers).status()).isEqualTo(403);
        }
        assertThat(RawHttp.upgrade(defaults.port(), Map.of("Origin", "https://game.example.com",
                "X-Forwarded-Host", "game.example.com")).status())
                .as("X-Forwarded-Host from a peer that is not a trusted proxy").isEqualTo(403);
    }
}
