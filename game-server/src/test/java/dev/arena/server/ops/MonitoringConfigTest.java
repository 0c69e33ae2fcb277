package dev.arena.server.ops;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped Prometheus configuration and alert rules, checked by promtool
 * itself, and the rules' unit tests, which must see every alert both fire and
 * stay quiet.
 */
class MonitoringConfigTest {
    private static final Path PROMETHEUS = Path.of("..", "config", "prometheus").toAbsolutePath().normalize();

    private static void assertSucceeds(Promtool.Result result, String what) {
        assertThat(result.exitCode()).as(what + "; promtool said:\n" + result.output()).isZero();
    }

    @Test
    void theScrapeConfigIsValidAndTargetsTheDefaultManagementPort() throws Exception {
        Path config = PROMETHEUS.resolve("prometheus.yml");
        assertSucceeds(Promtool.require().run("", "check", "config", config.toString()), "promtool check config");
        assertThat(Files.readString(config)).contains("localhost:8090").contains("job_name: arena");
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
    void everyAlertHasATestWhereItFiresAndOneWhereItDoesNot() throws Exception {
        Set<String> alerts = new TreeSet<>();
        for (Map<String, Object> group : list(yaml("alerts.yml").get("groups"))) {
            for (Map<String, Object> rule : list(group.get("rules"))) {
                alerts.add((String) rule.get("alert"));
            }
        }
        Set<String> fires = new TreeSet<>();
        Set<String> staysQuiet = new TreeSet<>();
        for (Map<String, Object> test : list(yaml("alerts.test.yml").get("tests"))) {
            for (Map<String, Object> check : list(test.get("alert_rule_test"))) {
                List<?> expected = (List<?>) check.get("exp_alerts");
                (expected == null || expected.isEmpty() ? staysQuiet : fires).add((String) check.get("alertname"));
            }
        }
        assertThat(alerts).as("alerts in alerts.yml").hasSizeGreaterThanOrEqualTo(9);
        assertThat(fires).as("alerts that alerts.test.yml sees firing").containsAll(alerts);
        assertThat(staysQuiet).as("alerts that alerts.test.yml sees not firing").containsAll(alerts);
    }

    @Test
    void theAlertsFireWhenTheyShouldAndNotOtherwise() throws Exception {
        // alerts.test.yml names alerts.yml relative to itself.
        assertSucceeds(Promtool.require().run("", "test", "rules", PROMETHEUS.resolve("alerts.test.yml").toString()),
                "promtool test rules");
    }

    private static Map<String, Object> yaml(String file) throws java.io.IOException {
        return new Yaml().load(Files.readString(PROMETHEUS.resolve(file)));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object yamlList) {
        return yamlList == null ? List.of() : (List<Map<String, Object>>) yamlList;
    }
}
