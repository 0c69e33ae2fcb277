package dev.arena.server.ops;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Grafana dashboard says what its queries return: every series is drawn
 * on an axis of its metric's unit (seconds, bytes, per second...), and every
 * legend that names a percentile names the one its query computes. Which
 * metrics exist is {@link MetricsScrapeTest}'s part.
 */
class DashboardTest {
    private static final Path DASHBOARD = Path.of("..", "config", "grafana", "arena-dashboard.json");

    /** One query of one panel, with the unit Grafana draws it in. */
    private record Series(String panel, String refId, String expr, String legend, String unit) {
        @Override
        public String toString() {
            return "panel '" + panel + "' query " + refId + " (" + legend + ", unit " + unit + "): " + expr;
        }
    }

    private static JsonObject dashboard;
    private static List<Series> series;

    @BeforeAll
    static void read() throws IOException {
        dashboard = new JsonObject(Files.readString(DASHBOARD));
        series = new ArrayList<>();
        collect(dashboard.getJsonArray("panels"), series);
    }

    @Test
    void everySeriesIsDrawnInTheUnitOfItsMetric() {
        assertThat(series).as("queries on the dashboard").hasSizeGreaterThan(20);
        List<String> wrong = new ArrayList<>();
        for (Series s : series) {
            String expected = QueryUnits.unitOf(s.expr());
            if (!expected.equals(s.unit())) {
                wrong.add(s + "\n    returns " + expected);
            }
        }
        assertThat(wrong).as("series drawn in another unit than their query returns").isEmpty();
    }

    @Test
    void everyPercentileInALegendIsTheOneItsQueryComputes() {
        List<String> wrong = new ArrayList<>();
        int quantiles = 0;
        for (Series s : series) {
            BigDecimal queried = QueryUnits.quantileOfQuery(s.expr());
            BigDecimal named = QueryUnits.quantileOfLegend(s.legend());
            quantiles += queried == null ? 0 : 1;
            if (queried == null ? named != null : named == null || queried.compareTo(named) != 0) {
                wrong.add(s + "\n    computes " + (queried == null ? "no quantile" : "quantile " + queried.toPlainString()));
            }
        }
        assertThat(quantiles).as("percentile series on the dashboard").isGreaterThan(10);
        assertThat(wrong).as("legends that name another percentile than their query").isEmpty();
    }

    @Test
    void aStatPanelShowsTheOneNumberItsTitleNames() {
        List<String> crowded = new ArrayList<>();
        for (Object o : dashboard.getJsonArray("panels")) {
            JsonObject panel = (JsonObject) o;
            if ("stat".equals(panel.getString("type")) && panel.getJsonArray("targets").size() != 1) {
                crowded.add(panel.getString("title") + ": " + panel.getJsonArray("targets").size() + " queries");
            }
        }
        assertThat(crowded).as("stat panels showing several numbers under one title").isEmpty();
    }

    @Test
    void panelIdsAreUniqueAndPanelsDoNotOverlap() {
        List<JsonObject> panels = new ArrayList<>();
        dashboard.getJsonArray("panels").forEach(p -> panels.add((JsonObject) p));
        Set<Integer> ids = new HashSet<>();
        for (JsonObject p : panels) {
            assertThat(ids.add(p.getInteger("id"))).as("panel id %s is unique", p.getInteger("id")).isTrue();
        }
        for (int i = 0; i < panels.size(); i++) {
            for (int j = i + 1; j < panels.size(); j++) {
                assertThat(overlap(panels.get(i), panels.get(j)))
                        .as("'%s' and '%s' overlap", panels.get(i).getString("title"), panels.get(j).getString("title"))
                        .isFalse();
            }
        }
    }

    @Test
    void theUnitCheckKnowsEachKindOfQuery() {
        String q = "{instance=~\"$instance\"}[$__rate_interval]";
        assertThat(QueryUnits.unitOf("histogram_quantile(0.99, sum by (le) (rate(arena_tick_duration_seconds_bucket" + q + ")))"))
                .isEqualTo("s");
        assertThat(QueryUnits.unitOf("histogram_quantile(0.5, sum by (le, type) (rate(arena_snapshot_size_bytes_bucket" + q + ")))"))
                .isEqualTo("bytes");
        // the overruns that were drawn on a seconds axis
        assertThat(QueryUnits.unitOf("sum(rate(arena_tick_overruns_total" + q + "))")).isEqualTo("ops");
        assertThat(QueryUnits.unitOf("sum(rate(arena_sent_bytes_total" + q + "))")).isEqualTo("Bps");
        assertThat(QueryUnits.unitOf("rate(arena_tick_duration_seconds_count" + q + ")")).isEqualTo("ops");
        assertThat(QueryUnits.unitOf("rate(arena_tick_duration_seconds_sum" + q + ")")).isEqualTo("percentunit");
        assertThat(QueryUnits.unitOf("sum by (instance) (jvm_memory_used_bytes{area=\"heap\"})")).isEqualTo("bytes");
        assertThat(QueryUnits.unitOf("process_cpu_usage")).isEqualTo("percentunit");
        assertThat(QueryUnits.unitOf("process_uptime_seconds")).isEqualTo("s");
        assertThat(QueryUnits.unitOf("sum(arena_players_connected)")).isEqualTo("short");
        assertThatThrownBy(() -> QueryUnits.unitOf("arena_joins_total")).hasMessageContaining("counter plotted raw");
        assertThatThrownBy(() -> QueryUnits.unitOf("rate(arena_players_connected[1m])")).hasMessageContaining("not a counter");
        assertThatThrownBy(() -> QueryUnits.unitOf("sum(rate(arena_sent_bytes_total[1m])) / sum(arena_players_connected)"))
                .hasMessageContaining("one metric per query");
    }

    @Test
    void theLegendCheckReadsPercentilesAsOperatorsWriteThem() {
        assertThat(QueryUnits.quantileOfLegend("p50")).isEqualByComparingTo("0.5");
        // the legend that said p5 over a median
        assertThat(QueryUnits.quantileOfLegend("p5")).isEqualByComparingTo("0.05");
        assertThat(QueryUnits.quantileOfLegend("p95 {{type}}")).isEqualByComparingTo("0.95");
        assertThat(QueryUnits.quantileOfLegend("p999")).isEqualByComparingTo("0.999");
        assertThat(QueryUnits.quantileOfLegend("open files {{instance}}")).isNull();
        assertThat(QueryUnits.quantileOfQuery("histogram_quantile(0.50, sum by (le) (rate(x_bucket[1m])))"))
                .isEqualByComparingTo("0.5");
        assertThat(QueryUnits.quantileOfQuery("sum(rate(arena_joins_total[1m]))")).isNull();
    }

    /** Every query of every panel (and of panels inside collapsed rows). */
    private static void collect(JsonArray panels, List<Series> out) {
        for (Object o : panels) {
            JsonObject panel = (JsonObject) o;
            JsonArray targets = panel.getJsonArray("targets", new JsonArray());
            for (Object t : targets) {
                JsonObject target = (JsonObject) t;
                String refId = target.getString("refId");
                out.add(new Series(panel.getString("title"), refId, target.getString("expr"),
                        target.getString("legendFormat", ""), unitOf(panel, refId)));
            }
            collect(panel.getJsonArray("panels", new JsonArray()), out);
        }
    }

    /** The unit Grafana draws query {@code refId} in: an override by query, else the panel's default. */
    private static String unitOf(JsonObject panel, String refId) {
        JsonObject config = panel.getJsonObject("fieldConfig", new JsonObject());
        String unit = config.getJsonObject("defaults", new JsonObject()).getString("unit");
        for (Object o : config.getJsonArray("overrides", new JsonArray())) {
            JsonObject override = (JsonObject) o;
            JsonObject matcher = override.getJsonObject("matcher");
            if ("byFrameRefID".equals(matcher.getString("id")) && refId.equals(matcher.getString("options"))) {
                for (Object p : override.getJsonArray("properties")) {
                    JsonObject property = (JsonObject) p;
                    if ("unit".equals(property.getString("id"))) {
                        unit = property.getString("value");
                    }
                }
            }
        }
        return Objects.requireNonNullElse(unit, "(none)");
    }

    private static boolean overlap(JsonObject a, JsonObject b) {
        JsonObject ga = a.getJsonObject("gridPos");
        JsonObject gb = b.getJsonObject("gridPos");
        return ga.getInteger("x") < gb.getInteger("x") + gb.getInteger("w")
                && gb.getInteger("x") < ga.getInteger("x") + ga.getInteger("w")
                && ga.getInteger("y") < gb.getInteger("y") + gb.getInteger("h")
                && gb.getInteger("y") < ga.getInteger("y") + ga.getInteger("h");
    }
}
