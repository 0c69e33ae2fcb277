package dev.arena.server;

import dev.arena.server.ops.BuildInfo;
import dev.arena.server.support.JarProcess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;

import static dev.arena.server.support.JarProcess.GAME_SERVER_JAR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped jar, run as an operator runs it: its command line, its
 * configuration checks, its start-up line and what it bundles. Runs after
 * {@code package} (failsafe), on the jar the build just made.
 */
class ServerJarIT {
    private static final Duration EXIT = Duration.ofSeconds(60);

    private static JarProcess run(List<String> jvmOptions, List<String> args, Map<String, String> env) throws IOException {
        return JarProcess.start(GAME_SERVER_JAR, jvmOptions, args, env);
    }

    @Test
    void versionPrintsTheVersionAndCommitOfThisBuildAndExitsZero() throws Exception {
        try (JarProcess jar = run(List.of(), List.of("--version"), Map.of())) {
            assertThat(jar.awaitExit(EXIT)).isZero();
            // The jar's classes are this build's, so BuildInfo here reads the same resource the jar holds.
            assertThat(jar.output()).containsExactly(BuildInfo.current().describe("game-server"));
            if (Files.exists(Path.of("..", ".git"))) {
                assertThat(BuildInfo.current().commit()).as("built from a git checkout").isNotEqualTo(BuildInfo.UNKNOWN);
            }
        }
    }

    @Test
    void helpPrintsTheUsageToStandardOutputAndExitsZero() throws Exception {
        try (JarProcess jar = run(List.of(), List.of("--help"), Map.of())) {
            assertThat(jar.awaitExit(EXIT)).isZero();
            assertThat(String.join("\n", jar.output()) + "\n").isEqualTo(CommandLine.USAGE);
            assertThat(jar.stderr()).isEmpty();
        }
    }

    @Test
    void aBadArgumentExitsTwoWithTheUsageOnStandardError() throws Exception {
        try (JarProcess jar = run(List.of(), List.of("--verbose"), Map.of())) {
            assertThat(jar.awaitExit(EXIT)).isEqualTo(2);
            assertThat(String.join("\n", jar.output()) + "\n").isEqualTo("game-server: unknown option --verbose"
                    + " (configuration keys are set with -Darena.<key>=value before -jar)\n" + CommandLine.USAGE);
            assertThat(jar.stdout()).isEmpty();
        }
    }

    @Test
    void aMistypedPropertyStopsStartUpWithTwoNamingTheClosestKey() throws Exception {
        try (JarProcess jar = run(List.of("-Darena.http.port=0", "-Darena.management.port=0", "-Darena.room.tickz=30"),
                List.of(), Map.of())) {
            assertThat(jar.awaitExit(EXIT)).isEqualTo(2);
            assertThat(jar.output()).contains("invalid configuration: unknown configuration key in system property"
                    + " -Darena.room.tickz: did you mean -Darena.room.tickHz? (see config/README.md)");
        }
    }

    @Test
    void aMistypedEnvironmentVariableStopsStartUpWithTwoNamingTheClosestKey() throws Exception {
        try (JarProcess jar = run(List.of("-Darena.http.port=0", "-Darena.management.port=0"), List.of(),
                Map.of("ARENA_ROOM_TICKZ", "30"))) {
            assertThat(jar.awaitExit(EXIT)).isEqualTo(2);
            assertThat(jar.output()).contains("invalid configuration: unknown configuration key in environment variable"
                    + " ARENA_ROOM_TICKZ: did you mean ARENA_ROOM_TICKHZ (room.tickHz)? (see config/README.md)");
        }
    }

    @Test
    void theStartUpLineNamesTheBuildAndTheEpollTransportAndNothingWarns() throws Exception {
        try (JarProcess server = JarProcess.startServer()) {
            Matcher started = server.started();
            assertThat(started.group(1)).isEqualTo(BuildInfo.current().version());
            assertThat(started.group(2)).isEqualTo(BuildInfo.current().commit());
            if (System.getProperty("os.name").equals("Linux") && List.of("amd64", "aarch64").contains(System.getProperty("os.arch"))) {
                assertThat(started.group(5)).as("the transport on " + System.getProperty("os.arch")).isEqualTo("epoll");
            }
            server.terminate();
            server.awaitExit(EXIT);
            // The JVM's own warnings (native access, sun.misc.Unsafe on Java 22+) start with "WARNING:".
            assertThat(server.output()).noneMatch(line -> line.contains("WARNING") || line.contains(" ERROR "));
            // A lone node starts no cluster: Hazelcast logs nothing because it never runs.
            assertThat(server.output()).noneMatch(line -> line.toLowerCase(java.util.Locale.ROOT).contains("hazelcast"));
        }
    }

    @Test
    void theManifestDeclaresNativeAccessAndHazelcastsOpenedPackagesSoNoJvmFlagIsNeeded() throws Exception {
        try (JarFile jar = new JarFile(GAME_SERVER_JAR.toFile())) {
            Manifest manifest = jar.getManifest();
            assertThat(manifest.getMainAttributes().getValue("Main-Class")).isEqualTo(Main.class.getName());
            assertThat(manifest.getMainAttributes().getValue("Enable-Native-Access")).isEqualTo("ALL-UNNAMED");
            // Hazelcast's, for a clustered node: java -jar needs no flags.
            assertThat(manifest.getMainAttributes().getValue("Add-Opens")).contains("java.base/java.lang",
                    "java.base/sun.nio.ch", "java.management/sun.management", "jdk.management/com.sun.management.internal");
            assertThat(manifest.getMainAttributes().getValue("Add-Exports")).isEqualTo("java.base/jdk.internal.ref");
        }
    }

    @Test
    void everyNettyArtifactIsTheImportedVersionWithEpollForX86AndArm() throws Exception {
        String netty = System.getProperty("netty.version");
        assertThat(netty).as("netty.version from the pom").isNotBlank();
        List<String> nettyPoms = new ArrayList<>();
        try (JarFile jar = new JarFile(GAME_SERVER_JAR.toFile())) {
            jar.stream().filter(e -> e.getName().matches("META-INF/maven/io\\.netty/[^/]+/pom\\.properties"))
                    .forEach(e -> {
                        try {
                            java.util.Properties p = new java.util.Properties();
                            p.load(jar.getInputStream(e));
                            nettyPoms.add(p.getProperty("artifactId") + ":" + p.getProperty("version"));
                        } catch (IOException x) {
                            throw new java.io.UncheckedIOException(x);
                        }
                    });
            assertThat(jar.getEntry("META-INF/native/libnetty_transport_native_epoll_x86_64.so")).isNotNull();
            assertThat(jar.getEntry("META-INF/native/libnetty_transport_native_epoll_aarch_64.so")).isNotNull();
        }
        assertThat(nettyPoms).contains("netty-codec-http:" + netty, "netty-transport-classes-epoll:" + netty)
                .allSatisfy(artifact -> assertThat(artifact).endsWith(":" + netty));
    }
}
