package dev.arena.server.ops;

import org.junit.jupiter.api.Test;

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
