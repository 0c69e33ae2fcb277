package dev.arena.loadtest;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code bench --floor} end to end, a few seconds of a handful of bots: the
 * runner starts the floor server as a child process, the unmodified bots
 * join it and measure latency with no errors, and its CPU is read from
 * {@code /proc} like a server jar's. A second floor run given the first as
 * {@code --floor-result} reports its ratio to it, with no warnings: the
 * same workload in the same sitting. Asserts what happened, never how fast.
 */
class FloorBenchTest {
    @Test
    @Timeout(120)
    void theBotsPlayTheFloorServerAndARunIsDividedByAFloorRun(@TempDir Path out) throws Exception {
        Path first = out.resolve("floor");
        String[] workload = {"--rooms", "2", "--players", "3", "--warmup", "1", "--duration", "2", "--ramp", "100"};

        String summary = bench(workload, "--floor", "--out", first.toString());

        JsonObject floor = new JsonObject(Files.readString(first.resolve(Reports.JSON)));
        assertThat(floor.getJsonObject("errors").getLong("total")).as("errors: %s", floor.getValue("firstFailures")).isZero();
        assertThat(floor.getJsonObject("players").getLong("joined")).isEqualTo(6);
        assertThat(floor.getJsonObject("players").getLong("playingAtEnd")).isEqualTo(6);
        assertThat(floor.getJsonObject("inputLatencyMs").getLong("count")).as("latency samples").isPositive();
        assertThat(floor.getBoolean("clean")).isTrue();
        JsonObject server = floor.getJsonObject("server");
        assertThat(server.getString("kind")).isEqualTo("floor");
        assertThat(server.getDouble("cpuSecondsPer1000PlayersPerMinute")).as("CPU of the floor process").isPositive();
        assertThat(server.getDouble("userCpuSeconds") + server.getDouble("systemCpuSeconds"))
                .isEqualTo(server.getDouble("cpuSeconds"), within(0.0015));
        assertThat(server.containsKey("userCpuSecondsPer1000PlayersPerMinute")).isTrue();
        assertThat(server.containsKey("systemCpuSecondsPer1000PlayersPerMinute")).isTrue();
        assertThat(server.containsKey("cpuRatioToFloor")).as("no floor given").isFalse();
        assertThat(summary).contains("floor server (bare Netty, no game) CPU");
        assertThat(Files.readString(first.resolve("server.log"))).contains("arena floor server on 127.0.0.1:", "Netty 4.");

        Path second = out.resolve("second");
        summary = bench(workload, "--floor", "--floor-result", first.resolve(Reports.JSON).toString(), "--out", second.toString());

        JsonObject divided = new JsonObject(Files.readString(second.resolve(Reports.JSON)));
        assertThat(divided.getBoolean("clean")).isTrue();
        JsonObject vsFloor = divided.getJsonObject("server");
        assertThat(vsFloor.getDouble("cpuRatioToFloor")).isPositive().isCloseTo(
                vsFloor.getDouble("cpuSecondsPer1000PlayersPerMinute") / server.getDouble("cpuSecondsPer1000PlayersPerMinute"),
                within(0.002));
        assertThat(vsFloor.getJsonObject("floor").getString("result")).isEqualTo(first.resolve(Reports.JSON).toString());
        assertThat(vsFloor.getJsonObject("floor").getJsonArray("warnings")).isEmpty();
        assertThat(summary).contains("server CPU to the floor").doesNotContain("  warning: ");
        assertThat(Files.readString(second.resolve(Reports.HTML))).contains("ratio to the floor");
    }

    /** Runs bench with these arguments; returns the summary it printed. */
    private static String bench(String[] workload, String... more) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        String[] args = new String[1 + workload.length + more.length];
        args[0] = "bench";
        System.arraycopy(workload, 0, args, 1, workload.length);
        System.arraycopy(more, 0, args, 1 + workload.length, more.length);

        int status = Main.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));

        assertThat(status).as("exit status; standard error:%n%s", stderr.toString(StandardCharsets.UTF_8)).isZero();
        return stdout.toString(StandardCharsets.UTF_8);
    }
}
