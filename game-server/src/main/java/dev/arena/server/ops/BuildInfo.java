package dev.arena.server.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Which build this is: the project version and the git commit it was built
 * from, as the build wrote them into {@code arena-build.properties} and
 * {@code arena-commit.txt} (game-server/pom.xml). Shown by {@code --version},
 * in the start-up log line, in {@code /health} and as the
 * {@code arena_build_info} gauge, so an operator can tell which code a node
 * runs. A build from a tree without git (a source archive) has commit
 * {@value #UNKNOWN}.
 *
 * @param version the Maven project version, for example {@code 0.1.0-SNAPSHOT}
 * @param commit  the abbreviated commit id, with {@code -dirty} when the tree had uncommitted changes
 */
public record BuildInfo(String version, String commit) {
    public static final String UNKNOWN = "unknown";

    private static final BuildInfo CURRENT = new BuildInfo(
            version(read("arena-build.properties")), commit(read("arena-commit.txt")));

    /** This build's info, read once from the classpath. */
    public static BuildInfo current() {
        return CURRENT;
    }

    /** One line, as {@code --version} prints it: {@code arena game-server 0.1.0 (commit 1a2b3c4)}. */
    public String describe(String program) {
        return "arena " + program + " " + version + " (commit " + commit + ")";
    }

    /** The {@code version} of the properties the build filtered; {@value #UNKNOWN} if it could not fill it in. */
    static String version(String properties) {
        Properties p = new Properties();
        try {
            p.load(new java.io.StringReader(properties == null ? "" : properties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = p.getProperty("version", "").strip();
        // Maven leaves a placeholder it cannot resolve as it is.
        return version.isEmpty() || version.contains("${") ? UNKNOWN : version;
    }

    /** What {@code git describe --always --dirty} printed, if it is a commit id; else {@value #UNKNOWN}. */
    static String commit(String described) {
        String commit = described == null ? "" : described.strip();
        return commit.matches("[0-9a-f]{4,40}(-dirty)?") ? commit : UNKNOWN;
    }

    private static String read(String resource) {
        try (InputStream in = BuildInfo.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the classpath", e);
        }
    }
}
