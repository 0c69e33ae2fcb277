package dev.arena.server.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped Prometheus configuration and alert rules, checked by promtool itself. */
class MonitoringConfigTest {
    private static final Path PROMETHEUS = Path.of("..", "config", "prometheus").toAbsolutePath().normalize();

    private static void assertSucceeds(Promtool.Result result, String what) {
        assertThat(result.exitCode()).as(what + "; promtool said:\n" + result.output()).isZero();
    }

    @Test
    void theScrapeConfigIsValidAndTargetsTheDefaultManagementPort() throws Exception {
        Path config = PROMETHEUS.resolve("prometheus.yml");
        assertSucceeds(Promtool.require().run("", "check", "config", config.toString()), "promtool check config");
        assertThat(java.nio.file.Files.readString(config)).contains("localhost:8090").contains("job_name: arena");
    }

    @Test
    void theScrapeConfigWithItsTokenLinesUncommentedIsValid(@TempDir Path dir) throws Exception {
        // promtool checks that the credentials file exists, and rule_files are relative to the config.
        Path token = Files.writeString(dir.resolve("arena-management.token"), "0123456789abcdef0123456789abcdef\n");
        Files.copy(PROMETHEUS.resolve("alerts.yml"), dir.resolve("alerts.yml"));
        Path config = Files.writeString(dir.resolve("prometheus.yml"), ShippedScrapeConfig.withToken(token));
        assertSucceeds(Promtool.require().run("", "check", "config", config.toString()),
                "promtool check config with the authorization lines uncommented");
        assertThat(Files.readString(config)).contains("    authorization:\n      type: Bearer\n"
                + "      credentials_file: " + token + "\n");
    }

    @Test
    void theAlertRulesAreValid() throws Exception {
        assertSucceeds(Promtool.require().run("", "check", "rules", PROMETHEUS.resolve("alerts.yml").toString()),
                "promtool check rules");
    }

    @Test
    void theAlertsFireWhenTheyShouldAndNotOtherwise() throws Exception {
        // alerts.test.yml names alerts.yml relative to itself.
        assertSucceeds(Promtool.require().run("", "test", "rules", PROMETHEUS.resolve("alerts.test.yml").toString()),
                "promtool test rules");
    }
}
