package dev.arena.loadtest.floor;

import dev.arena.loadtest.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The floor server's command line: arena-bench defaults, the runner's round trip, bad values naming the option. */
class FloorSettingsTest {
    @Test
    void theDefaultsAreTheGameServersForArenaBench() {
        FloorSettings s = FloorSettings.parse();

        assertThat(s).isEqualTo(FloorSettings.defaults());
        assertThat(s.updateBytes()).isEqualTo(172);
        assertThat(s.eventLoops()).as("http.instances").isEqualTo(2);
        assertThat(s.tickHz()).isEqualTo(20);
        assertThat(s.pingIntervalMillis()).as("session.pingIntervalMillis").isEqualTo(2000);
        assertThat(s.pingTicks()).isEqualTo(40);
        assertThat(s.writeQueueMaxBytes()).as("session.writeQueueMaxBytes").isEqualTo(65536);
    }

    @Test
    void theRunnersCommandLineGivesBackTheSettings() {
        FloorSettings s = new FloorSettings("127.0.0.1", 4321, 3, 200, 30, 0, 8192);

        assertThat(FloorSettings.parse(s.toArgs().toArray(String[]::new))).isEqualTo(s);
        assertThat(s.pingTicks()).as("no PINGs").isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--port 70000|--port must be an integer from 0 to 65535",
            "--event-loops 0|--event-loops",
            "--update-bytes 15|--update-bytes must be an integer from 16 to 400",
            "--update-bytes 401|--update-bytes",
            "--tick-hz x|--tick-hz",
            "--ping-interval-ms -1|--ping-interval-ms",
            "--write-queue-max-bytes 10|--write-queue-max-bytes",
            "--colour red|unknown option '--colour'",
            "--port|--port needs a value",
    })
    void aBadValueNamesTheOption(String line, String expected) {
        assertThatThrownBy(() -> FloorSettings.parse(line.split(" "))).isInstanceOf(UsageException.class)
                .hasMessageContaining(expected);
    }
}
