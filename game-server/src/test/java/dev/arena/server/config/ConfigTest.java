package dev.arena.server.config;

import dev.arena.server.game.BuiltInGames;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Layering of the configuration and start-up validation that names the key. */
@ExtendWith(VertxExtension.class)
class ConfigTest {
    /** The extension's: it closes it after the last test. */
    private static Vertx vertx;

    @BeforeAll
    static void start(Vertx extensionVertx) {
        vertx = extensionVertx;
    }

    private static JsonObject load(String file, Map<String, String> properties, Map<String, String> env) throws Exception {
        return ConfigLoader.load(vertx, file, properties, env).await(10, TimeUnit.SECONDS);
    }

    private static ServerConfig config(Map<String, String> properties) throws Exception {
        return ServerConfig.fromJson(load(null, properties, Map.of()), BuiltInGames.ALL);
    }

    @Test
    void theEmbeddedDefaultsAreTheDocumentedOnes() throws Exception {
        ServerConfig config = config(Map.of());
        assertThat(config.http().port()).isEqualTo(8080);
        assertThat(config.management().port()).isEqualTo(8090);
        assertThat(config.room().tickHz()).isEqualTo(20);
        assertThat(config.room().sendHz()).isEqualTo(20);
        assertThat(config.game("arena").settings().integer("orbs")).isEqualTo(30);
    }

    @Test
    void aFileThenPropertiesThenEnvironmentOverrideTheDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("my.yaml");
        Files.writeString(file, "room:\n  tickHz: 30\n  capacity: 8\nhttp:\n  port: 9000\n");
        JsonObject json = load(file.toString(), Map.of("arena.room.capacity", "10", "arena.http.port", "9100"),
                Map.of("ARENA_HTTP_PORT", "9200"));
        ServerConfig config = ServerConfig.fromJson(json, BuiltInGames.ALL);
        assertThat(config.room().tickHz()).isEqualTo(30);
        assertThat(config.room().capacity()).isEqualTo(10);
        assertThat(config.http().port()).isEqualTo(9200);
        assertThat(config.room().sendHz()).as("keys the file leaves out keep their default").isEqualTo(20);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "room.tickHz|0|room.tickHz must be an integer between 1 and 120, got \"0\"",
            "room.tickHz|fast|room.tickHz must be an integer between 1 and 120, got \"fast\"",
            "room.sendHz|30|room.sendHz must be at most room.tickHz (20), got 30",
            "room.capacity|0|room.capacity must be",
            "room.maxRooms|-1|room.maxRooms must be",
            "room.game|chess|room.game must be one of the offered games [arena",
            "room.snapshotHistory|1|room.snapshotHistory must be",
            "room.inputQueueSize|0|room.inputQueueSize must be",
            "room.maxCatchUpTicks|0|room.maxCatchUpTicks must be",
            "room.emptyGraceMillis|-5|room.emptyGraceMillis must be",
            "http.port|70000|http.port must be an integer between 0 and 65535, got \"70000\"",
            "http.instances|0|http.instances must be",
            "http.maxFrameBytes|10|http.maxFrameBytes must be",
            "management.port|-1|management.port must be",
            "session.maxMessagesPerSecond|0|session.maxMessagesPerSecond must be",
            "session.writeQueueMaxBytes|1|session.writeQueueMaxBytes must be",
            "session.tooSlowMillis|0|session.tooSlowMillis must be",
            "session.joinTimeoutMillis|0|session.joinTimeoutMillis must be",
            "session.pingIntervalMillis|0|session.pingIntervalMillis must be",
            "session.maxNameLength|0|session.maxNameLength must be",
            "arena.worldWidth|1|arena.worldWidth must be",
            "arena.positionScale|0|arena.positionScale must be",
            "arena.playerSpeed|-1|arena.playerSpeed must be a number between",
            "arena.orbs|-1|arena.orbs must be",
            "arena.collectRadius|NaN|arena.collectRadius must be a number between"})
    void anInvalidValueIsRefusedWithAMessageNamingTheKey(String key, String value, String message) {
        assertThatThrownBy(() -> config(Map.of("arena." + key, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo(key));
    }

    @Test
    void anUnknownKeyInAFileIsRefusedByName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("typo.yaml");
        Files.writeString(file, "room:\n  tickhz: 30\n");
        assertThatThrownBy(() -> load(file.toString(), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown configuration key room.tickhz");
    }

    @Test
    void aMissingFileIsRefusedByName() {
        assertThatThrownBy(() -> load("/nonexistent/arena.yaml", Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("/nonexistent/arena.yaml");
    }

    @Test
    void everyKeyIsDocumentedInTheConfigReadme() throws Exception {
        String readme = Files.readString(Path.of("..", "config", "README.md"));
        for (String key : ConfigLoader.keysOf(load(null, Map.of(), Map.of()), "")) {
            assertThat(readme).as("config/README.md documents " + key).contains("`" + key + "`");
        }
    }

    @Test
    void theServerExitsNonZeroNamingTheKeyWhenAValueIsInvalid() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Darena.room.tickHz=500",
                "-Darena.http.port=0", "-Darena.management.port=0", "dev.arena.server.Main")
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exits by itself").isTrue();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("room.tickHz must be an integer between 1 and 120, got \"500\"");
    }
}
