package dev.arena.server.ops;

import dev.arena.server.support.TestServer;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus scrapes a real game server: its query API answers the
 * tick-duration quantile and the players gauge with what the server reports.
 */
class PrometheusScrapeTest {
    private static final String TICK_P99 =
            "histogram_quantile(0.99, sum by (le) (rate(arena_tick_duration_seconds_bucket{job=\"arena\"}[5s])))";

    @Test
    void prometheusSeesTheTickQuantileAndThePlayersTheServerReports(@TempDir Path dir) throws Exception {
        // Prometheus first: it takes about 5 s to apply a new scrape target, time the game runs in.
        try (TestServer server = TestServer.start(Map.of("session.pingIntervalMillis", "100"));
             PrometheusServer prometheus = PrometheusServer.start(dir, server.server.managementPort());
             ScriptedGame game = ScriptedGame.play(server)) {

            Double up = await("a first scrape of the game server").atMost(Duration.ofSeconds(20))
                    .until(() -> prometheus.single("up{job=\"arena\"}"), Objects::nonNull);
            assertThat(up).as("scrape health; prometheus log:\n" + prometheus.log()).isEqualTo(1.0);

            double players = await("the players gauge in Prometheus").atMost(Duration.ofSeconds(20))
                    .until(() -> prometheus.single("arena_players_connected{job=\"arena\"}"), Objects::nonNull);
            assertThat(players).isEqualTo(ScriptedGame.PLAYERS)
                    .isEqualTo(Scrape.of(server.server.managementPort()).sum("arena_players_connected"));

            // rate() needs two scrapes in its window, so the quantile appears a second or two after the gauge.
            double p99 = await("the p99 tick duration in Prometheus").atMost(Duration.ofSeconds(20))
                    .until(() -> prometheus.single(TICK_P99), v -> v != null && !v.isNaN());
            Timer ticks = server.registry.get("arena.tick.duration").timer();
            assertThat(p99).as("p99 of steps that all took at most %s s", ticks.max(TimeUnit.SECONDS))
                    .isPositive()
                    .isLessThanOrEqualTo(bucketHolding(ticks));

            double stored = prometheus.single("arena_tick_duration_seconds_count{job=\"arena\"}");
            assertThat(stored).as("steps counted in Prometheus, at most those counted now on the server")
                    .isPositive().isLessThanOrEqualTo(ticks.count());
        }
    }

    /** The upper bound of the bucket the slowest step fell in: no quantile can be above it. */
    private static double bucketHolding(Timer ticks) {
        double max = ticks.max(TimeUnit.SECONDS);
        return Arrays.stream(ticks.takeSnapshot().histogramCounts())
                .mapToDouble(b -> b.bucket(TimeUnit.SECONDS))
                .filter(bound -> bound >= max)
                .min().orElse(Double.POSITIVE_INFINITY);
    }
}
