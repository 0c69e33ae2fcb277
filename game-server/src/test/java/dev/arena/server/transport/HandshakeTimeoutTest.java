package dev.arena.server.transport;

import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.Snapshot;
import dev.arena.server.protocol.Welcome;
import dev.arena.server.support.RawHttp;
import dev.arena.server.support.TestClient;
import dev.arena.server.support.TestServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A socket that holds a connection without completing a request is closed
 * after {@code http.handshakeTimeoutMillis}; a WebSocket is not.
 */
class HandshakeTimeoutTest {
    private static final String COUNTER = "arena.upgrades.refused";

    @Test
    void withTheDefaultsASilentSocketAndAHalfRequestAreClosedWithinSixSeconds() throws Exception {
        try (TestServer server = TestServer.start(Map.of());
             RawHttp silent = RawHttp.connect(server.port());
             RawHttp half = RawHttp.connect(server.port())) {
            assertThat(server.config.http().admission().handshakeTimeoutMillis()).isEqualTo(5000);
            half.send("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n");

            // Both clocks run at once: the second wait is only what is left of the first.
            assertThat(silent.awaitServerClose()).as("ms until the silent socket was closed").isLessThan(6000);
            assertThat(half.awaitServerClose()).as("ms more until the half request was closed").isLessThan(1000);
            assertThat(server.counter(COUNTER, "reason", "handshake_timeout")).isEqualTo(2);
        }
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedWithoutCountingARefusal() throws Exception {
        try (TestServer server = TestServer.start(Map.of("http.handshakeTimeoutMillis", "300"));
             RawHttp browser = RawHttp.connect(server.port())) {
            browser.send("GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertThat(browser.readResponse().status()).isEqualTo(200);

            browser.awaitServerClose();
            assertThat(server.counter(COUNTER)).isZero();
        }
    }

    @Test
    void aWebSocketOutlivesTheHandshakeTimeout() throws Exception {
        // Long enough for a cold JVM to make its first connection, short enough to pass several times below.
        try (TestServer server = TestServer.start(Map.of("http.handshakeTimeoutMillis", "1000"));
             TestClient player = TestClient.connect(server.vertx, server.port())) {
            player.send(new Join(null, "ann"));
            player.await(Welcome.class);
            int tick = player.await(Snapshot.class).tick();
            // 50 ticks at 20 Hz: 2.5 s, the handshake timeout more than twice over.
            player.awaitWorld(w -> w.tick() >= tick + 50);
            assertThat(player.isClosed()).isFalse();
            assertThat(server.counter(COUNTER)).isZero();
        }
    }
}
