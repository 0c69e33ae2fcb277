package dev.arena.loadtest;

import dev.arena.server.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code hostile} command against a real server in this JVM (loopback,
 * 3 bots, the handshake timeout cut to 1 s so the run stays short): every
 * attack is refused the way docs/SECURITY.md says, the server counts each
 * one under its reason, and the bots play on.
 */
class HostileRunTest {
    @Test
    @Timeout(120)
    void everyAttackIsRefusedAndCountedWhileTheBotsPlayOn() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (TestServer server = TestServer.start(Map.of("http.handshakeTimeoutMillis", "1000"))) {
            status = Hostile.run(new String[]{"hostile", "--url", "ws://127.0.0.1:" + server.port() + "/ws",
                    "--bots", "3", "--metrics", "http://127.0.0.1:" + server.server.managementPort() + "/metrics"},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as("exit status (0: every attack defended); stderr: %s", err).isZero();
        String[] lines = printed.strip().split("\n");
        JsonObject result = new JsonObject(lines[lines.length - 1]);

        assertThat(result.getJsonArray("attacks")).hasSizeGreaterThanOrEqualTo(14);
        for (Object o : result.getJsonArray("attacks")) {
            JsonObject attack = (JsonObject) o;
            assertThat(attack.getString("outcome")).as(attack.getString("name")).isNotBlank();
            assertThat(attack.getBoolean("defended")).as("%s: %s", attack.getString("name"),
                    attack.getString("outcome")).isTrue();
        }
        JsonObject bots = result.getJsonObject("bots");
        assertThat(bots.getInteger("playingAtEnd")).isEqualTo(3);
        assertThat(bots.getLong("errors")).isZero();
        assertThat(bots.getLong("disconnects")).isZero();
        assertThat(bots.getLong("inputsAnswered")).as("the bots kept playing").isPositive();

        JsonObject counted = result.getJsonObject("serverCounted");
        assertThat(counted.getLong("upgrades_refused.origin")).isEqualTo(2);
        assertThat(counted.getLong("upgrades_refused.per_ip")).isEqualTo(1);
        assertThat(counted.getLong("upgrades_refused.handshake_timeout")).isEqualTo(2);
        assertThat(counted.getLong("frames_rejected.bad_string")).as("bad strings and the leak probe").isEqualTo(5);
        assertThat(counted.getLong("frames_rejected.text")).isEqualTo(1);
        assertThat(counted.getLong("frames_rejected.too_big")).isEqualTo(1);
        assertThat(counted.getLong("frames_rejected.bad_state")).isEqualTo(2);
        assertThat(printed).contains("leak-probe", "per-ip-flood", "the server counted:");
    }

    @Test
    void aBadCommandLineExitsWithTwoAndNamesTheOption() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream devNull = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(Main.run(new String[]{"hostile"}, devNull, errStream)).isEqualTo(2);
        assertThat(Main.run(new String[]{"hostile", "--url", "ws://127.0.0.1:1/ws", "--bots", "0"}, devNull, errStream))
                .isEqualTo(2);
        assertThat(Main.run(new String[]{"hostile", "--url", "ws://127.0.0.1:1/ws", "--rooms", "2"}, devNull, errStream))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--url is required", "--bots must be", "--rooms");
    }
}
