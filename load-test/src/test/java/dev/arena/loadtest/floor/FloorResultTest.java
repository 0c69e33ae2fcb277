package dev.arena.loadtest.floor;

import dev.arena.loadtest.UsageException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * A {@code --floor-result} file: what makes it a floor result (or says why
 * not, naming the option), the ratio of a server's CPU to it, and the
 * warnings for a pair that is not like for like.
 */
class FloorResultTest {
    private static final Instant STARTED = Instant.parse("2026-12-02T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theRatioIsTheServersCpuPerThousandPlayersPerMinuteOverTheFloors() throws Exception {
        FloorResult floor = FloorResult.read(write(floorJson()));

        FloorComparison c = floor.compare(36.0, 20.0, 16.0, parameters(), List.of(), STARTED.plusSeconds(600));

        assertThat(c.cpuRatio()).isCloseTo(1.5, within(1e-9));
        assertThat(c.userCpuRatio()).isCloseTo(2.5, within(1e-9));
        assertThat(c.systemCpuRatio()).isCloseTo(1.0, within(1e-9));
        assertThat(c.warnings()).as("same workload, flags and sitting").isEmpty();
        JsonObject server = c.addTo(new JsonObject());
        assertThat(server.getDouble("cpuRatioToFloor")).isEqualTo(1.5);
        assertThat(server.getDouble("userCpuRatioToFloor")).isEqualTo(2.5);
        assertThat(server.getJsonObject("floor").getDouble("cpuSecondsPer1000PlayersPerMinute")).isEqualTo(24.0);
        assertThat(c.summary()).contains("server CPU to the floor 1.50x (user 2.50x, sys 1.00x;").doesNotContain("warning");
        assertThat(FloorResult.ratio(10, 0)).isNaN();
        assertThat(FloorResult.ratio(-1, 24)).as("a server CPU that could not be read").isNaN();
    }

    @Test
    void aFigureTheFloorRunDidNotHaveGivesNoRatio() throws Exception {
        JsonObject json = floorJson();
        json.getJsonObject("server").remove("userCpuSecondsPer1000PlayersPerMinute");
        FloorComparison c = FloorResult.read(write(json)).compare(36.0, 20.0, 16.0, parameters(), List.of(), STARTED);

        assertThat(c.userCpuRatio()).isNaN();
        assertThat(c.addTo(new JsonObject()).getValue("userCpuRatioToFloor")).isNull();
        assertThat(c.summary()).contains("user n/a");
    }

    @Test
    void aPairThatIsNotLikeForLikeIsComputedWithAWarningForEachDifference() throws Exception {
        JsonObject json = floorJson().put("clean", false);
        json.getJsonObject("errors").put("total", 3);
        FloorResult floor = FloorResult.read(write(json));
        JsonObject other = parameters().put("rooms", 100).put("url", "ws://127.0.0.1:9999/ws");

        List<String> warnings = floor.compare(48, 24, 24, other, List.of("-XX:+UseSerialGC"),
                STARTED.plusSeconds(3 * 3600)).warnings();

        assertThat(warnings).hasSize(4);
        assertThat(warnings.get(0)).isEqualTo("the floor run had another workload: rooms 100 here, 50 in the floor run");
        assertThat(warnings.get(1)).isEqualTo("the floor ran with JVM flags [], this server with [-XX:+UseSerialGC]");
        assertThat(warnings.get(2)).contains("not clean", "3 errors");
        assertThat(warnings.get(3)).contains("3.0 hours", "one sitting");
    }

    @Test
    void aParameterOnlyOneSideHasIsADifference() throws Exception {
        FloorResult floor = FloorResult.read(write(floorJson()));

        assertThat(floor.warnings(parameters().put("dropEvery", 30), List.of(), STARTED))
                .containsExactly("the floor run had another workload: dropEvery 30 here, null in the floor run");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON|{|is not a JSON object",
            "a JSON array|[1]|is not a JSON object",
            "another benchmark|{\"benchmark\":\"other\"}|not an arena-bench result",
            "a run without a server|{\"benchmark\":\"arena-bench\"}|a run without a server process",
            "a game server run|{\"benchmark\":\"arena-bench\",\"server\":{\"kind\":\"game-server\"}}|a run of game-server, not of the floor server",
            "a result from before the floor|{\"benchmark\":\"arena-bench\",\"server\":{\"jar\":\"x.jar\"}}|a run of a server, not of the floor server",
            "no CPU figure|{\"benchmark\":\"arena-bench\",\"server\":{\"kind\":\"floor\"}}|no positive server.cpuSecondsPer1000PlayersPerMinute",
            "a zero CPU figure|{\"benchmark\":\"arena-bench\",\"server\":{\"kind\":\"floor\",\"cpuSecondsPer1000PlayersPerMinute\":0}}|no positive",
    })
    void aFileThatIsNotAFloorResultIsRefusedNamingTheOption(String what, String text, String expected) throws Exception {
        Path file = Files.writeString(dir.resolve("result.json"), text);

        assertThatThrownBy(() -> FloorResult.read(file)).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--floor-result " + file + ": ").hasMessageContaining(expected);
    }

    @Test
    void aMissingFileIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> FloorResult.read(dir.resolve("none.json"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("--floor-result", "none.json", "cannot be read");
    }

    /** A floor run's result as bench --floor writes it, with the fields the comparison reads. */
    private static JsonObject floorJson() {
        return new JsonObject()
                .put("benchmark", "arena-bench")
                .put("startedAt", STARTED.toString())
                .put("parameters", parameters().put("url", "ws://127.0.0.1:40000/ws"))
                .put("errors", new JsonObject().put("total", 0))
                .put("clean", true)
                .put("server", new JsonObject()
                        .put("kind", "floor")
                        .put("jvmFlags", new JsonArray())
                        .put("cpuSecondsPer1000PlayersPerMinute", 24.0)
                        .put("userCpuSecondsPer1000PlayersPerMinute", 8.0)
                        .put("systemCpuSecondsPer1000PlayersPerMinute", 16.0));
    }

    private static JsonObject parameters() {
        return new JsonObject().put("mode", "bench").put("rooms", 50).put("playersPerRoom", 20).put("inputHz", 20)
                .put("seed", 1L).put("durationSeconds", 60);
    }

    private Path write(JsonObject json) throws Exception {
        return Files.writeString(dir.resolve("floor.json"), json.encodePrettily());
    }
}
