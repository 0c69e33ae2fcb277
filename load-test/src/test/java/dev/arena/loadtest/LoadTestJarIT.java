package dev.arena.loadtest;

import dev.arena.server.ops.BuildInfo;
import dev.arena.server.support.JarProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped load-test jar, run as a tester runs it (after {@code package}). */
class LoadTestJarIT {
    private static final Path JAR = Path.of(System.getProperty("loadTest.jar", "target/load-test.jar"));

    @Test
    void versionPrintsTheVersionAndCommitOfThisBuildAndExitsZero() throws Exception {
        try (JarProcess jar = JarProcess.start(JAR, List.of(), List.of("--version"), Map.of())) {
            assertThat(jar.awaitExit(Duration.ofSeconds(60))).isZero();
            assertThat(jar.output()).containsExactly(BuildInfo.current().describe("load-test"));
        }
    }
}
