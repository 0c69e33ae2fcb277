package dev.arena.server.transport;

import dev.arena.server.metrics.MetricReasons;
import dev.arena.server.support.RawHttp;
import dev.arena.server.support.RawHttp.Response;
import dev.arena.server.support.TestClient;
import dev.arena.server.support.TestServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code http.maxConnectionsPerIp} and {@code http.maxConnections} refuse an
 * upgrade with 503 before any 101, counted by reason; the client address is
 * the peer, or with {@code http.trustedProxies} the rightmost untrusted
 * {@code X-Forwarded-For} hop.
 */
class ConnectionCapsTest {
    private static final String COUNTER = "arena.upgrades.refused";

    @Test
    void theThirtyThirdWebSocketFromOneAddressGets503AndAClosedOneFreesItsSlot() throws Exception {
        List<TestClient> clients = new ArrayList<>();
        try (TestServer server = TestServer.start(Map.of())) {
            assertThat(server.config.http().admission().maxConnectionsPerIp()).isEqualTo(32);
            for (int i = 0; i < 32; i++) {
                clients.add(TestClient.connect(server.vertx, server.port()));
            }

            Response refused = RawHttp.upgrade(server.port(), Map.of());
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.headers()).containsEntry("x-arena-refusal", "per_ip").doesNotContainKey("upgrade");
            assertThat(refused.body()).contains("127.0.0.1", "http.maxConnectionsPerIp");
            assertThat(server.counter(COUNTER, "reason", "per_ip")).isEqualTo(1);

            TestClient leaving = clients.remove(0);
            leaving.close();
            // The slot comes back when the server sees the close: retry until it has (each try is refused or admitted).
            Response admitted = RawHttp.upgrade(server.port(), Map.of());
            while (admitted.status() == 503 && server.counter(COUNTER, "reason", "per_ip") < 50) {
                admitted = RawHttp.upgrade(server.port(), Map.of());
            }
            assertThat(admitted.status()).isEqualTo(101);
        } finally {
            clients.forEach(TestClient::close);
        }
    }

    @Test
    void everyRefusalIsCountedUnderAKnownReason() {
        for (UpgradeRefusal refusal : UpgradeRefusal.values()) {
            assertThat(MetricReasons.UPGRADE_REFUSALS).contains(refusal.reason);
        }
        assertThat(MetricReasons.UPGRADE_REFUSALS).contains(HandshakeTimeout.REASON)
                .hasSize(UpgradeRefusal.values().length + 1);
    }

    @Test
    void pastHttpMaxConnectionsTheServerIsFull() throws Exception {
        try (TestServer server = TestServer.start(Map.of("http.maxConnections", "2"));
             TestClient a = TestClient.connect(server.vertx, server.port());
             TestClient b = TestClient.connect(server.vertx, server.port())) {
            Response refused = RawHttp.upgrade(server.port(), Map.of());
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.headers()).containsEntry("x-arena-refusal", "server_full");
            assertThat(refused.body()).contains("http.maxConnections");
            assertThat(server.counter(COUNTER, "reason", "server_full")).isEqualTo(1);
            assertThat(server.counter(COUNTER, "reason", "per_ip")).isZero();
        }
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnCap() throws Exception {
        try (TestServer server = TestServer.start(Map.of("http.trustedProxies", "10.0.0.0/8, 127.0.0.1",
                "http.maxConnectionsPerIp", "1"));
             RawHttp first = RawHttp.connect(server.port());
             RawHttp other = RawHttp.connect(server.port());
             RawHttp viaTwoProxies = RawHttp.connect(server.port())) {
            first.send(RawHttp.upgradeRequest(server.port(), Map.of("X-Forwarded-For", "203.0.113.5")));
            assertThat(first.readResponse().status()).isEqualTo(101);
            other.send(RawHttp.upgradeRequest(server.port(), Map.of("X-Forwarded-For", "203.0.113.6")));
            assertThat(other.readResponse().status()).isEqualTo(101);

            // What the client wrote itself (left of its own address) is not believed; trusted hops are skipped.
            Response spoofed = RawHttp.upgrade(server.port(),
                    Map.of("X-Forwarded-For", "198.51.100.77, 203.0.113.5, 10.1.2.3"));
            assertThat(spoofed.status()).isEqualTo(503);
            assertThat(spoofed.body()).contains("203.0.113.5");

            viaTwoProxies.send(RawHttp.upgradeRequest(server.port(), Map.of("X-Forwarded-For", "203.0.113.7, 10.1.2.3")));
            assertThat(viaTwoProxies.readResponse().status()).isEqualTo(101);
        }
    }

    @Test
    void fromAnUntrustedPeerXForwardedForIsIgnored() throws Exception {
        try (TestServer server = TestServer.start(Map.of("http.trustedProxies", "10.0.0.0/8",
                "http.maxConnectionsPerIp", "1"));
             RawHttp first = RawHttp.connect(server.port())) {
            first.send(RawHttp.upgradeRequest(server.port(), Map.of("X-Forwarded-For", "203.0.113.5")));
            assertThat(first.readResponse().status()).isEqualTo(101);

            Response refused = RawHttp.upgrade(server.port(), Map.of("X-Forwarded-For", "203.0.113.6"));
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.body()).contains("127.0.0.1");
        }
    }
}
