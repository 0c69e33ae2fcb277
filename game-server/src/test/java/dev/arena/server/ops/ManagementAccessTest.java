package dev.arena.server.ops;

import dev.arena.server.config.ConfigException;
import dev.arena.server.support.TestServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The management port is private by default: it binds 127.0.0.1 only, and
 * with {@code management.token} set {@code /metrics} and {@code /ready} need
 * the bearer token while {@code /health} stays open for liveness probes.
 */
class ManagementAccessTest {
    private static final String TOKEN = "7f3c9e1a5b2d4f6e8a0c1b3d5e7f9a2c";

    /**
     * Linux routes all of 127.0.0.0/8 to loopback: a server bound to 127.0.0.1 alone refuses
     * 127.0.0.2, one bound to every address (0.0.0.0) accepts it.
     */
    private static boolean accepts(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            return true;
        } catch (ConnectException refused) {
            return false;
        }
    }

    @Test
    void byDefaultManagementListensOn127001Only() throws Exception {
        try (TestServer server = TestServer.start(Map.of())) {
            assertThat(server.config.management().host()).as("the embedded default").isEqualTo("127.0.0.1");
            int port = server.server.managementPort();
            assertThat(Scrape.get("127.0.0.1", port, "/health").statusCode()).isEqualTo(200);
            assertThat(accepts("127.0.0.2", port)).as("another loopback address reaches it").isFalse();
        }
    }

    @Test
    void theBindProbeSeesAnotherAddressWhenOneIsConfigured() throws Exception {
        // The control for the test above: the probe tells the two addresses apart.
        try (TestServer server = TestServer.start(Map.of("management.host", "127.0.0.2"))) {
            int port = server.server.managementPort();
            assertThat(Scrape.get("127.0.0.2", port, "/health").statusCode()).isEqualTo(200);
            assertThat(accepts("127.0.0.1", port)).isFalse();
        }
    }

    @Test
    void withATokenMetricsAndReadyNeedItAndHealthStaysOpen() throws Exception {
        try (TestServer server = TestServer.start(Map.of("management.token", TOKEN))) {
            int port = server.server.managementPort();
            for (String path : new String[] {"/metrics", "/ready"}) {
                HttpResponse<String> none = Scrape.get("127.0.0.1", port, path);
                assertThat(none.statusCode()).as(path + " without a token").isEqualTo(401);
                assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"arena-management\"");
                assertThat(none.body()).doesNotContain(TOKEN);
                assertThat(Scrape.get("127.0.0.1", port, path, "Authorization", "Bearer wrong-" + TOKEN).statusCode())
                        .as(path + " with a wrong token").isEqualTo(401);
                assertThat(Scrape.get("127.0.0.1", port, path, "Authorization", "Bearer " + TOKEN.substring(1))
                        .statusCode()).as(path + " with a prefix of the token").isEqualTo(401);
                assertThat(Scrape.get("127.0.0.1", port, path, "Authorization", "Basic " + TOKEN).statusCode())
                        .as(path + " with another scheme").isEqualTo(401);
                assertThat(Scrape.get("127.0.0.1", port, path, "Authorization", "Bearer " + TOKEN).statusCode())
                        .as(path + " with the token").isEqualTo(200);
                assertThat(Scrape.get("127.0.0.1", port, path, "Authorization", "bearer " + TOKEN).statusCode())
                        .as(path + " with the scheme in lower case").isEqualTo(200);
            }
            assertThat(Scrape.get("127.0.0.1", port, "/health").statusCode()).as("/health, no token").isEqualTo(200);
            assertThat(Scrape.get("127.0.0.1", port, "/nothing-here").statusCode()).isEqualTo(404);

            HttpResponse<String> metrics = Scrape.get("127.0.0.1", port, "/metrics", "Authorization", "Bearer " + TOKEN);
            assertThat(metrics.body()).as("the refusals are counted").contains("arena_management_unauthorized_total 8.0");
            assertThat(metrics.body()).doesNotContain(TOKEN);
            assertThat(server.config.toString()).as("the configuration as a log would print it")
                    .contains("token=(secret)").doesNotContain(TOKEN);
        }
    }

    @Test
    void withoutATokenEverythingIsOpenAsBefore() throws Exception {
        try (TestServer server = TestServer.start(Map.of())) {
            int port = server.server.managementPort();
            assertThat(Scrape.get(port, "/metrics").statusCode()).isEqualTo(200);
            assertThat(Scrape.get(port, "/ready").statusCode()).isEqualTo(200);
            assertThat(Scrape.get(port, "/metrics").body()).doesNotContain("arena_management_unauthorized");
        }
    }

    @Test
    void aTooShortTokenIsRefusedNamingTheKeyWithoutShowingIt() {
        assertThatThrownBy(() -> TestServer.start(Map.of("management.token", "hunter2")).close())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("management.token must be empty or 16 to 1024 visible ASCII characters")
                .hasMessageContaining("got 7 characters")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
        assertThatThrownBy(() -> TestServer.start(Map.of("management.token", "a token with spaces")).close())
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("a token with spaces"));
    }
}
