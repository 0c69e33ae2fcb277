package dev.arena.server.ops;

import dev.arena.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus, set up with the authorization lines of the shipped
 * scrape config, scrapes a server whose {@code /metrics} needs
 * {@code management.token}.
 */
class PrometheusTokenScrapeTest {
    private static final String TOKEN = "c0ffee00c0ffee00c0ffee00c0ffee00";

    @Test
    void prometheusSendsTheTokenFromItsCredentialsFile(@TempDir Path dir) throws Exception {
        // A trailing newline, as `echo token > file` writes: Prometheus trims it.
        Path tokenFile = Files.writeString(dir.resolve("arena-management.token"), TOKEN + "\n");
        try (TestServer server = TestServer.start(Map.of("management.token", TOKEN));
             PrometheusServer prometheus = PrometheusServer.start(dir, server.server.managementPort(),
                     ShippedScrapeConfig.authorizationBlock(tokenFile))) {
            // A first scrape of a cold server on a busy machine may time out: wait for a good one. A
            // refused token never gives one, and the failure shows Prometheus' last error (401).
            await("a successful scrape with the token").atMost(Duration.ofSeconds(30))
                    .failFast("Prometheus reports a failed scrape", () -> prometheus.targets().contains("401"))
                    .until(() -> prometheus.single("up{job=\"arena\"}"), v -> Double.valueOf(1.0).equals(v));
            assertThat(prometheus.single("arena_rooms_active{job=\"arena\"}")).isEqualTo(0.0);
            assertThat(server.counter("arena.management.unauthorized")).as("no scrape was refused").isZero();
        }
    }
}
