package dev.arena.server.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped {@code config/prometheus/prometheus.yml} with its commented
 * {@code authorization} block switched on, the way docs/OPERATIONS.md tells
 * an operator to, so tests check the lines a user will uncomment rather than
 * a copy of them.
 */
final class ShippedScrapeConfig {
    static final Path DIRECTORY = Path.of("..", "config", "prometheus").toAbsolutePath().normalize();
    static final Path FILE = DIRECTORY.resolve("prometheus.yml");
    private static final String FIRST = "# authorization:";
    private static final String CREDENTIALS = "credentials_file: ";

    private ShippedScrapeConfig() {
    }

    /** The shipped configuration with the authorization lines uncommented and pointing at {@code tokenFile}. */
    static String withToken(Path tokenFile) throws IOException {
        List<String> out = new ArrayList<>();
        boolean inBlock = false;
        int uncommented = 0;
        for (String line : Files.readAllLines(FILE)) {
            String trimmed = line.trim();
            inBlock |= trimmed.equals(FIRST);
            if (inBlock) {
                int hash = line.indexOf("# ");
                line = line.substring(0, hash) + line.substring(hash + 2);
                uncommented++;
                if (trimmed.startsWith("#   " + CREDENTIALS)) {
                    line = line.substring(0, line.indexOf(CREDENTIALS) + CREDENTIALS.length()) + tokenFile;
                    inBlock = false;
                }
            }
            out.add(line);
        }
        assertThat(uncommented).as("the commented authorization block of " + FILE).isEqualTo(3);
        return String.join("\n", out) + "\n";
    }

    /** Just the uncommented authorization block, for a scrape job of a test's own. */
    static String authorizationBlock(Path tokenFile) throws IOException {
        String config = withToken(tokenFile);
        int start = config.indexOf("authorization:");
        int end = config.indexOf('\n', config.indexOf(CREDENTIALS, start));
        String block = config.substring(config.lastIndexOf('\n', start) + 1, end + 1);
        return block;
    }
}
