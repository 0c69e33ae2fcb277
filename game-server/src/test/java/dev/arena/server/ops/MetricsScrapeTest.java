package dev.arena.server.ops;

import dev.arena.server.metrics.PrometheusRegistryFactory;
import dev.arena.server.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real scrape of {@code /metrics} after a short scripted game: it passes
 * promtool's linter, holds every game meter with the counts the game
 * produced, the Vert.x, JVM and process meters, no per-room or per-player
 * label, and every metric the dashboard and the alerts query (what the
 * dashboard takes rate() of typed as a counter or histogram).
 */
class MetricsScrapeTest {
    /** Meters the scripted game moves: each must be above zero afterwards. */
    private static final List<String> COUNTED = List.of(
            "arena_tick_duration_seconds_count", "arena_tick_lateness_seconds_count",
            "arena_send_duration_seconds_count", "arena_input_latency_seconds_count", "arena_rtt_seconds_count",
            "arena_players_connected", "arena_connections_active", "arena_rooms_active",
            "arena_connections_opened_total", "arena_connections_closed_total", "arena_joins_total",
            "arena_leaves_total", "arena_joins_refused_total", "arena_frames_received_total",
            "arena_received_bytes_total", "arena_frames_sent_total", "arena_sent_bytes_total",
            "arena_frames_rejected_total", "arena_snapshot_size_bytes_count");

    /** Meters of trouble a healthy short game does not move: exported at zero, so alerts see them. */
    private static final List<String> EXPORTED_AT_ZERO = List.of(
            "arena_tick_overruns_total", "arena_ticks_dropped_total", "arena_snapshots_skipped_total",
            "arena_inputs_dropped_total", "arena_rooms_failed_total", "arena_ticks_slow_total", "arena_resumes_total",
            "arena_seats_held", "arena_admin_actions_total");

    /** Histograms: each needs _bucket series for histogram_quantile. */
    private static final List<String> HISTOGRAMS = List.of(
            "arena_tick_duration_seconds", "arena_tick_lateness_seconds", "arena_send_duration_seconds",
            "arena_input_latency_seconds", "arena_rtt_seconds", "arena_snapshot_size_bytes", "arena_update_size_bytes",
            "arena_update_entities", "arena_view_cells_encoded");

    private static TestServer server;
    private static ScriptedGame game;
    private static Scrape scrape;

    @BeforeAll
    static void playAShortGame() throws Exception {
        server = TestServer.start(Map.of("session.pingIntervalMillis", "100"));
        game = ScriptedGame.play(server);
        // The last events (the PONG, the rude client's close) are recorded on the server's threads.
        scrape = await("every game meter counted").atMost(Duration.ofSeconds(10))
                .until(() -> Scrape.of(server.server.managementPort()),
                        s -> COUNTED.stream().allMatch(name -> s.sum(name) > 0));
    }

    @AfterAll
    static void stop() throws Exception {
        if (game != null) {
            game.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theScrapePassesPromtoolsLinter() throws Exception {
        Promtool.Result result = Promtool.require().run(scrape.text, "check", "metrics");
        assertThat(result.exitCode()).as("promtool check metrics said:\n" + result.output()).isZero();
    }

    @Test
    void everyGameMeterIsExportedWithTheCountsOfTheGame() {
        assertThat(scrape.sum("arena_players_connected")).isEqualTo(ScriptedGame.PLAYERS);
        assertThat(scrape.sum("arena_connections_active")).isEqualTo(ScriptedGame.CONNECTIONS);
        assertThat(scrape.sum("arena_rooms_active")).isEqualTo(1);
        assertThat(scrape.sum("arena_joins_total")).isEqualTo(3);
        assertThat(scrape.sum("arena_leaves_total")).isEqualTo(1);
        assertThat(scrape.sum("arena_joins_refused_total", "reason", "unknown_room")).isEqualTo(1);
        assertThat(scrape.sum("arena_frames_rejected_total", "reason", "unknown_tag")).isEqualTo(1);
        assertThat(scrape.sum("arena_connections_closed_total", "reason", "unknown_tag")).isEqualTo(1);
        assertThat(scrape.sum("arena_snapshot_size_bytes_count", "type", "full")).isPositive();
        assertThat(scrape.sum("arena_snapshot_size_bytes_count", "type", "delta")).isPositive();
        assertThat(scrape.sum("arena_input_latency_seconds_count")).isPositive();
        assertThat(scrape.sum("arena_rtt_seconds_count")).isPositive();
        assertThat(scrape.names()).containsAll(EXPORTED_AT_ZERO);
        for (String histogram : HISTOGRAMS) {
            assertThat(scrape.names()).as(histogram).contains(histogram + "_bucket", histogram + "_count", histogram + "_sum");
            assertThat(scrape.samples).as(histogram + " has buckets up to +Inf")
                    .anyMatch(s -> s.name().equals(histogram + "_bucket") && "+Inf".equals(s.labels().get("le")));
        }
    }

    @Test
    void vertxJvmAndProcessMetersAreThereButNotTheOnesPromtoolRefuses() {
        assertThat(scrape.sum("vertx_http_server_active_ws_connections")).isEqualTo(ScriptedGame.CONNECTIONS);
        assertThat(scrape.names()).contains("vertx_eventbus_handlers", "vertx_http_server_requests_total",
                "jvm_memory_used_bytes", "jvm_threads_live_threads", "jvm_gc_overhead", "process_cpu_usage",
                "process_uptime_seconds", "process_files_open_files", "system_cpu_usage");
        for (String denied : PrometheusRegistryFactory.LINT_FAILING_METERS) {
            String prefix = denied.replace('.', '_');
            assertThat(scrape.names()).as(denied + " is denied").noneMatch(n -> n.startsWith(prefix));
        }
    }

    @Test
    void gameMetersHaveNoRoomPlayerOrSessionLabel() {
        assertThat(scrape.samples).as("every resume result exported at zero").filteredOn(s -> s.name().equals("arena_resumes_total"))
                .extracting(s -> s.labels().get("result")).containsExactlyInAnyOrder("resumed", "taken_over", "expired", "unknown");
        Set<String> labels = new TreeSet<>();
        scrape.samples.stream().filter(s -> s.name().startsWith("arena_") && !s.name().equals("arena_build_info"))
                .forEach(s -> labels.addAll(s.labels().keySet()));
        assertThat(labels).isSubsetOf("reason", "type", "game", "result", "action", "le");
        assertThat(scrape.samples).as("every admin action and result exported at zero")
                .filteredOn(s -> s.name().equals("arena_admin_actions_total")).hasSize(5 * 5);
    }

    @Test
    void buildInfoIsOneSeriesOfValueOneLabelledWithTheVersionAndCommit() {
        BuildInfo build = BuildInfo.current();
        assertThat(scrape.samples).filteredOn(s -> s.name().equals("arena_build_info"))
                .containsExactly(new Scrape.Sample("arena_build_info",
                        Map.of("version", build.version(), "commit", build.commit()), 1.0));
    }

    @Test
    void theDashboardParsesAndQueriesOnlyExportedMetrics() throws Exception {
        List<String> expressions = dashboardExpressions();
        assertThat(expressions).as("dashboard queries").hasSizeGreaterThan(20);
        Set<String> queried = QueryUnits.metricNames(String.join("\n", expressions));
        assertThat(queried).as("the dashboard charts tick time, input latency, RTT, players, rooms, throughput, rejections")
                .contains("arena_tick_duration_seconds_bucket", "arena_input_latency_seconds_bucket",
                        "arena_rtt_seconds_bucket", "arena_players_connected", "arena_rooms_active",
                        "arena_sent_bytes_total", "arena_frames_rejected_total");
        assertThat(scrape.names()).as("metrics in a real scrape").containsAll(queried);
    }

    @Test
    void theDashboardTakesRatesOfCountersOnlyAsTheScrapeTypesThem() throws Exception {
        List<String> expressions = dashboardExpressions();
        int rates = 0;
        for (String expr : expressions) {
            if (expr.contains("rate(")) {
                rates++;
                for (String metric : QueryUnits.metricNames(expr)) {
                    String family = metric.replaceFirst("_(bucket|count|sum)$", "");
                    assertThat(typeOf(family)).as("# TYPE of %s, rated in %s", family, expr)
                            .isIn("counter", "histogram");
                }
            }
        }
        assertThat(rates).isGreaterThan(10);
    }

    @Test
    void theAlertsQueryOnlyExportedMetrics() throws Exception {
        Set<String> queried = QueryUnits.metricNames(Files.readString(Path.of("..", "config", "prometheus", "alerts.yml")));
        assertThat(queried).contains("arena_tick_duration_seconds_bucket", "arena_input_latency_seconds_bucket",
                "arena_frames_rejected_total", "arena_ticks_dropped_total");
        assertThat(scrape.names()).as("metrics in a real scrape").containsAll(queried);
    }

    /** Every query of the dashboard, and its variables' queries. */
    private static List<String> dashboardExpressions() throws java.io.IOException {
        JsonObject dashboard = new JsonObject(Files.readString(Path.of("..", "config", "grafana", "arena-dashboard.json")));
        List<String> expressions = new ArrayList<>();
        collectExpressions(dashboard, expressions);
        return expressions;
    }

    private static void collectExpressions(Object node, List<String> out) {
        if (node instanceof JsonObject object) {
            object.forEach(e -> {
                if (e.getKey().equals("expr") || e.getKey().equals("definition")) {
                    out.add(String.valueOf(e.getValue()));
                } else {
                    collectExpressions(e.getValue(), out);
                }
            });
        } else if (node instanceof JsonArray array) {
            array.forEach(child -> collectExpressions(child, out));
        }
    }

    /** The type a scrape's {@code # TYPE} line gives a family (counters appear with or without _total). */
    private static String typeOf(String family) {
        for (String line : scrape.text.split("\n")) {
            String[] words = line.split(" ");
            if (words.length == 4 && words[0].equals("#") && words[1].equals("TYPE")
                    && (words[2].equals(family) || (words[2] + "_total").equals(family))) {
                return words[3];
            }
        }
        return "(no # TYPE line)";
    }
}
