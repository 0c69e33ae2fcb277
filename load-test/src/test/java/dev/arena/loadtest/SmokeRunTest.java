package dev.arena.loadtest;

import dev.arena.loadtest.Stats.Count;
import io.vertx.core.json.JsonObject;
import dev.arena.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short arena-bench run of the real tool against a real server in this
 * JVM: 2 rooms x 5 bots, keeping only their own player (the default for the
 * arena) or, with {@code --full-state}, the whole room. Asserts what the bots
 * did, never how fast.
 */
class SmokeRunTest {
    @Test
    @Timeout(60)
    void withTheWholeStateEveryBotRebuildsTheRoomAndPlaysAsCleanly(@TempDir Path out) throws Exception {
        RunResult result;
        try (TestServer server = TestServer.start(Map.of("room.capacity", "5", "arena.orbs", "7"))) {
            Options options = Options.parse("run", "--url", "ws://127.0.0.1:" + server.port() + "/ws", "--rooms", "2",
                    "--players", "5", "--warmup", "1", "--duration", "2", "--ramp", "200", "--full-state", "--out",
                    out.toString());
            result = new LoadRun(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new LoadRun.Listener() { }).run();
        }
        assertThat(result.toJson().getJsonObject("parameters").getBoolean("fullState")).isTrue();
        assertThat(result.errors()).as("errors; first failures: %s", result.failures).isZero();
        assertThat(result.measured.getTotalCount()).as("input latencies recorded").isPositive();
        assertThat(result.measured(Count.VIEW_ENTITIES) / (double) result.measured(Count.UPDATES))
                .as("entities held per update: 5 players and 7 orbs").isEqualTo(12.0);
        assertThat(result.clean()).isTrue();
    }

    @Test
    @Timeout(60)
    void botsJoinPlayAndMeasureAndTheReportsAreWritten(@TempDir Path out) throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        RunResult result;
        try (TestServer server = TestServer.start(Map.of("room.capacity", "5", "arena.orbs", "7"))) {
            Options options = Options.parse("run", "--url", "ws://127.0.0.1:" + server.port() + "/ws", "--rooms", "2", "--players", "5",
                    "--warmup", "1", "--duration", "3", "--ramp", "200", "--seed", "7", "--out", out.toString());
            result = new LoadRun(options, new PrintStream(progress, true, StandardCharsets.UTF_8),
                    new LoadRun.Listener() { }).run();
            Reports.write(result, out);
        }

        assertThat(result.total(Count.JOINED)).as("bots that joined").isEqualTo(10);
        assertThat(result.playingAtEnd).isEqualTo(10);
        assertThat(result.errors()).as("errors; first failures: %s", result.failures).isZero();
        assertThat(result.total(Count.REJECTED_JOINS)).isZero();
        assertThat(result.total(Count.DISCONNECTS)).isZero();
        assertThat(result.measured(Count.UPDATES)).as("state updates while measuring").isPositive();
        assertThat(result.measured(Count.INPUTS_SENT)).isPositive();
        assertThat(result.measured.getTotalCount()).as("input latencies recorded").isPositive();
        assertThat(result.measured(Count.VIEW_ENTITIES) / (double) result.measured(Count.UPDATES))
                .as("entities held per update, own player only kept: 5 players and 7 orbs").isEqualTo(12.0);
        assertThat(result.clean()).isTrue();
        assertThat(result.toJson().getJsonObject("parameters").getBoolean("fullState")).isFalse();
        assertThat(result.toJson().getJsonObject("loadGenerator").getDouble("userCpuSeconds")).isPositive();
        assertThat(progress.toString(StandardCharsets.UTF_8)).startsWith("target: ws://127.0.0.1:")
                .contains("no TLS", "bots 10/10", "measure");

        JsonObject json = new JsonObject(Files.readString(out.resolve(Reports.JSON)));
        assertThat(json.getJsonObject("parameters").getInteger("bots")).isEqualTo(10);
        assertThat(json.getJsonObject("inputLatencyMs").getLong("count")).isPositive();
        assertThat(json.getJsonObject("inputLatencyMs").getDouble("p99")).isPositive();
        assertThat(json.getJsonObject("bytesPerPlayerPerSecond").getDouble("serverToClient")).isPositive();
        assertThat(json.getJsonObject("errors").getLong("total")).isZero();
        assertThat(json.getBoolean("clean")).isTrue();

        String html = Files.readString(out.resolve(Reports.HTML));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("svg").getLength()).as("plots").isGreaterThanOrEqualTo(5);
        assertThat(doc.getElementsByTagName("path").getLength()).isPositive();
        assertThat(html).as("self-contained").doesNotContain("<script", "src=", "href=", "@import");
        assertThat(Files.readString(out.resolve(Reports.SUMMARY))).contains("input latency p50");
        assertThat(json.getJsonObject("upgradesRefused")).isEmpty();
    }

    @Test
    @Timeout(60)
    void upgradesTheServerRefusesAreReportedByReasonWithTheKeyToRaise(@TempDir Path out) throws Exception {
        RunResult result;
        try (TestServer server = TestServer.start(Map.of("room.capacity", "5", "http.maxConnectionsPerIp", "3"))) {
            Options options = Options.parse("run", "--url", "ws://127.0.0.1:" + server.port() + "/ws", "--rooms", "1",
                    "--players", "5", "--warmup", "0", "--duration", "1", "--ramp", "200", "--out", out.toString());
            result = new LoadRun(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new LoadRun.Listener() { }).run();
        }
        assertThat(result.total(Count.JOINED)).isEqualTo(3);
        assertThat(result.total(Count.UPGRADES_REFUSED)).isEqualTo(2);
        assertThat(result.total(Count.REJECTED_JOINS)).isEqualTo(2);
        assertThat(result.clean()).isFalse();
        JsonObject perIp = result.toJson().getJsonObject("upgradesRefused").getJsonObject("per_ip");
        assertThat(perIp.getLong("count")).isEqualTo(2);
        assertThat(perIp.getInteger("status")).isEqualTo(503);
        assertThat(perIp.getString("setting")).isEqualTo("http.maxConnectionsPerIp");
        assertThat(result.summary()).contains("upgrades refused: 2 x HTTP 503 per_ip", "-Darena.http.maxConnectionsPerIp=");
    }
}
