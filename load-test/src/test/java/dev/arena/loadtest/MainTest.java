package dev.arena.loadtest;

import dev.arena.server.ops.BuildInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad command lines exit with status 2 and a message that names the option. */
class MainTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--rooms 0 --url ws://127.0.0.1:8080/ws|--rooms",
            "--rooms abc --url ws://127.0.0.1:8080/ws|--rooms",
            "--players 1001 --url ws://127.0.0.1:8080/ws|--players",
            "--duration 0 --url ws://127.0.0.1:8080/ws|--duration",
            "--warmup -1 --url ws://127.0.0.1:8080/ws|--warmup",
            "--ramp 0 --url ws://127.0.0.1:8080/ws|--ramp",
            "--input-hz 0 --url ws://127.0.0.1:8080/ws|--input-hz",
            "--seed x --url ws://127.0.0.1:8080/ws|--seed",
            "--loops 0 --url ws://127.0.0.1:8080/ws|--loops",
            "--game Tag! --url ws://127.0.0.1:8080/ws|--game must be a game's name",
            "--rooms 5|--url is required",
            "--drop-every -1 --url ws://127.0.0.1:8080/ws|--drop-every must be an integer from 0 to 86400",
            "--url http://127.0.0.1:8080/ws|--url must be a ws:// or wss:// URL",
            "--url 127.0.0.1:8080|--url must be a ws:// or wss:// URL",
            "--url ws:///ws|--url must be a ws:// or wss:// URL",
            "--url ws://example.com/ws#lobby|--url must not have a #fragment",
            "--url wss://bob:secret@example.com/ws|--url must not carry a user name or password",
            "--url ws://example.com/ws --insecure|--insecure applies to wss:// URLs only",
            "--url wss://example.com/ws --insecure=yes|--insecure takes no value",
            "bench --server-jar x --insecure|unknown option --insecure",
            "--url|--url needs a value",
            "--colour red|unknown option --colour",
            "run --rooms 2 --rooms 3 --url ws://127.0.0.1:1/ws|--rooms is given twice",
            "bench --rooms 2|--server-jar is required",
            "bench --server-jar /no/such.jar|--server-jar: no such file",
            "bench --url ws://127.0.0.1:1/ws --server-jar x|unknown option --url",
            "capacity --rooms 5 --server-jar x|unknown option --rooms",
            "fly|unknown command 'fly'",
            "--rooms 1000 --players 1000 --url ws://127.0.0.1:1/ws|--rooms x --players",
            "--workload huge --url ws://127.0.0.1:1/ws|--workload must be arena or large",
            "capacity --workload large --server-jar x|--workload large is one room: measure it with bench",
            "bench --floor --server-jar x|--server-jar does not apply with --floor",
            "bench --floor=yes|--floor takes no value",
            "bench --floor --floor-result /no/such/result.json|--floor-result /no/such/result.json: cannot be read",
            "run --url ws://127.0.0.1:1/ws --floor|unknown option --floor",
            "capacity --floor --floor-result x.json|unknown option --floor-result",
    })
    void aBadCommandLineExitsWithTwoAndNamesTheOption(String line, String expected) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(line.split(" "), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(expected);
    }

    @Test
    void helpPrintsTheUsage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Main.run(new String[]{"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()));

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--rooms", "--server-jar", "--input-hz");
    }

    @Test
    void versionPrintsTheBuildAndExitsZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Main.run(new String[]{"--version"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()));

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(BuildInfo.current().describe("load-test") + "\n");
        assertThat(BuildInfo.current().describe("load-test")).matches("arena load-test \\S+ \\(commit \\S+\\)");
    }

    @Test
    void goodOptionsParseWithTheBenchmarkDefaults() {
        Options o = Options.parse("--url=ws://localhost:9000/ws", "--rooms", "3");

        assertThat(o.command).isEqualTo(Options.Command.RUN);
        assertThat(o.rooms).isEqualTo(3);
        assertThat(o.players).isEqualTo(20);
        assertThat(o.durationSeconds).isEqualTo(60);
        assertThat(o.warmupSeconds).isEqualTo(10);
        assertThat(o.inputHz).isEqualTo(20);
        assertThat(o.url.getPort()).isEqualTo(9000);
        assertThat(o.dropEverySeconds).as("bots never cut their connection unless asked").isZero();
        assertThat(Options.parse("bench", "--server-jar", "pom.xml", "--drop-every", "30").dropEverySeconds).isEqualTo(30);
        assertThat(o.game).as("the server's default game").isNull();
        assertThat(Options.parse("--url=ws://localhost:9000/ws", "--game", "tag").game).isEqualTo("tag");
        assertThat(o.workload).isEqualTo(Workload.ARENA);
    }

    @Test
    void theLargeWorkloadIsOneRoomOfFiveHundredUnlessToldOtherwise() {
        Options o = Options.parse("--workload", "large", "--url=ws://localhost:9000/ws");
        assertThat(o.rooms).isEqualTo(1);
        assertThat(o.players).isEqualTo(500);
        assertThat(Options.parse("--workload=large", "--players", "8", "--url=ws://localhost:9000/ws").players).isEqualTo(8);
    }

    @Test
    void benchAndCapacityRunTheFloorServerWithoutAServerJar() {
        Options bench = Options.parse("bench", "--floor", "--rooms", "3");
        Options capacity = Options.parse("capacity", "--floor", "--max-rooms", "60");

        assertThat(bench.floor).isTrue();
        assertThat(bench.serverJar).isNull();
        assertThat(bench.floorResult).isNull();
        assertThat(bench.withRun(java.net.URI.create("ws://127.0.0.1:1/ws"), 3, bench.out).floor).isTrue();
        assertThat(capacity.floor).isTrue();
        assertThat(Options.parse("--url", "ws://127.0.0.1:1/ws").floor).isFalse();
        assertThatThrownBy(() -> Options.parse("bench", "--floor", "--game", "tag"))
                .isInstanceOf(UsageException.class).hasMessageContaining("--game tag does not apply with --floor");
        assertThatThrownBy(() -> Options.parse("bench", "--floor", "--drop-every", "30"))
                .isInstanceOf(UsageException.class).hasMessageContaining("--drop-every does not apply with --floor");
    }

    @Test
    void anyWsOrWssUrlIsATargetWithItsDefaultPortPathAndQuery() {
        // Parsed only: no test connects anywhere but loopback.
        Options staging = Options.parse("--url", "wss://staging.example.com/ws?region=eu", "--insecure");
        Target target = new Target(staging.url, staging.insecure);

        assertThat(staging.insecure).isTrue();
        assertThat(target.secure()).isTrue();
        assertThat(target.connectOptions().getHost()).isEqualTo("staging.example.com");
        assertThat(target.connectOptions().getPort()).isEqualTo(443);
        assertThat(target.connectOptions().isSsl()).isTrue();
        assertThat(target.connectOptions().getURI()).isEqualTo("/ws?region=eu");
        assertThat(target.describe()).contains("staging.example.com port 443", "any certificate trusted (--insecure)");

        Target lan = new Target(Options.parse("--url", "ws://10.1.2.3/ws").url, false);
        assertThat(lan.connectOptions().getPort()).isEqualTo(80);
        assertThat(lan.connectOptions().isSsl()).isFalse();
        assertThat(lan.describe()).contains("no TLS");

        Target checked = new Target(Options.parse("--url", "wss://game.example.com:9443").url, false);
        assertThat(checked.connectOptions().getPort()).isEqualTo(9443);
        assertThat(checked.connectOptions().getURI()).isEqualTo("/");
        assertThat(checked.describe()).contains("certificate checked against the JVM trust store");

        Target v6 = new Target(Options.parse("--url", "ws://[::1]:8080/ws").url, false);
        assertThat(v6.connectOptions().getHost()).isEqualTo("::1");
    }
}
