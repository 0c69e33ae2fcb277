package dev.arena.server.ops;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An external program a test needs (promtool, prometheus). In CI
 * ({@code CI=true}, where .ci/run installs them) a missing one fails the test;
 * elsewhere the test is skipped and the reason printed, so a laptop without
 * Prometheus still runs the rest of the suite.
 */
final class RequiredBinary {
    private RequiredBinary() {
    }

    /** The program's path, or a failed (CI) or aborted (elsewhere) test. */
    static Path locate(String name) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.add("/usr/bin");
        for (String dir : dirs) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        String reason = name + " is not on the PATH; install it with: apt-get install --no-install-recommends prometheus";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return Assertions.fail("CI=true and " + reason);
        }
        System.out.println("skipping: " + reason);
        return Assumptions.abort(reason);
    }
}
