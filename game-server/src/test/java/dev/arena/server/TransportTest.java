package dev.arena.server;

import dev.arena.server.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The network transport the start-up line names, and that tests run on the jar's. */
class TransportTest {
    private static boolean epollHost() {
        return System.getProperty("os.name").equals("Linux")
                && List.of("amd64", "aarch64").contains(System.getProperty("os.arch"));
    }

    @Test
    void testServersRunOnTheTransportTheJarRunsOn() throws Exception {
        try (TestServer server = TestServer.start(Map.of())) {
            if (epollHost()) {
                assertThat(Main.transport(server.vertx)).isEqualTo("epoll");
            } else {
                assertThat(Main.transport(server.vertx)).isNotBlank();
            }
        }
    }

    @Test
    void nioSaysWhyNotTheNativeTransport() {
        Vertx nio = Vertx.vertx(new VertxOptions().setPreferNativeTransport(false));
        try {
            assertThat(Main.transport(nio)).startsWith("nio (");
        } finally {
            nio.close().await();
        }
    }
}
