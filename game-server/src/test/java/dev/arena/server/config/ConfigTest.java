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
import java.util.HashMap;
import java.util.List;
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
        assertThat(config.game("arena").settings().integer("viewRadius")).as("the whole world by default").isZero();
        assertThat(config.management().host()).as("management is private by default").isEqualTo("127.0.0.1");
        assertThat(config.management().token().isEmpty()).isTrue();
        assertThat(config.http().tls().enabled()).as("plain http by default").isFalse();
        assertThat(config.http().tls().reloadCheckMillis()).isEqualTo(10_000);
        assertThat(config.room().reconnectGraceMillis()).isEqualTo(RoomConfig.DEFAULT_RECONNECT_GRACE_MILLIS).isEqualTo(15_000);
        assertThat(config.room().maxTickMillis()).isEqualTo(RoomConfig.DEFAULT_MAX_TICK_MILLIS);
        assertThat(config.room().failTickMillis()).isEqualTo(RoomConfig.DEFAULT_FAIL_TICK_MILLIS);
        assertThat(config.session().pongTimeoutMillis()).as("0 means 3 ping intervals").isEqualTo(6_000);
    }

    @Test
    void thePongTimeoutFollowsThePingIntervalUnlessSet() throws Exception {
        assertThat(config(Map.of("arena.session.pingIntervalMillis", "500")).session().pongTimeoutMillis()).isEqualTo(1_500);
        assertThat(config(Map.of("arena.session.pingIntervalMillis", "500", "arena.session.pongTimeoutMillis", "1000"))
                .session().pongTimeoutMillis()).isEqualTo(1_000);
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
            "room.reconnectGraceMillis|-1|room.reconnectGraceMillis must be an integer between 0 and 3600000",
            "room.maxTickMillis|0|room.maxTickMillis must be",
            "room.failTickMillis|1000|room.failTickMillis must be more than room.maxTickMillis (1000), got 1000",
            "session.sendBufferBytes|100|session.sendBufferBytes must be 0 (the OS's autotuning) or between 4096",
            "session.pongTimeoutMillis|3999|session.pongTimeoutMillis must be 0 (3 x session.pingIntervalMillis) or at least 2 x session.pingIntervalMillis (4000), got 3999",
            "http.port|70000|http.port must be an integer between 0 and 65535, got \"70000\"",
            "http.instances|0|http.instances must be",
            "http.maxFrameBytes|10|http.maxFrameBytes must be",
            "management.port|-1|management.port must be",
            "http.tls.reloadCheckMillis|10|http.tls.reloadCheckMillis must be an integer between 100 and 86400000",
            "http.tls.hstsMaxAgeSeconds|-1|http.tls.hstsMaxAgeSeconds must be",
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
            "arena.collectRadius|NaN|arena.collectRadius must be a number between",
            "http.handshakeTimeoutMillis|0|http.handshakeTimeoutMillis must be",
            "http.maxConnectionsPerIp|0|http.maxConnectionsPerIp must be",
            "http.maxConnections|0|http.maxConnections must be",
            "http.trustedProxies|10.0.0.0/8,proxy.internal|http.trustedProxies must list IP addresses or CIDR blocks",
            "http.trustedProxies|10.0.0.0/40|http.trustedProxies must list",
            "http.allowedOrigins|https://a.example,a.example|http.allowedOrigins must list origins",
            "http.allowedOrigins|null|http.allowedOrigins must list origins",
            "http.requireOrigin|yes|http.requireOrigin must be true or false, got \"yes\"",
            "arena.viewRadius|-1|arena.viewRadius must be"})

    void anInvalidValueIsRefusedWithAMessageNamingTheKey(String key, String value, String message) {
        assertThatThrownBy(() -> config(Map.of("arena." + key, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo(key));
    }

    @Test
    void listsComeAsYamlArraysOrCommaSeparatedStrings(@TempDir Path dir) throws Exception {
        AdmissionConfig defaults = config(Map.of()).http().admission();
        assertThat(defaults.trustedProxies()).isEmpty();
        assertThat(defaults.allowedOrigins()).isEmpty();
        assertThat(defaults.anyOrigin()).isFalse();
        assertThat(defaults.requireOrigin()).isFalse();
        assertThat(defaults.handshakeTimeoutMillis()).isEqualTo(5000);
        assertThat(defaults.maxConnectionsPerIp()).isEqualTo(32);
        assertThat(defaults.maxConnections()).isEqualTo(20000);

        Path file = dir.resolve("proxy.yaml");
        Files.writeString(file, "http:\n  trustedProxies: [10.0.0.0/8, \"::1\"]\n  allowedOrigins:\n"
                + "    - https://play.example.com\n");
        AdmissionConfig fromFile = ServerConfig.fromJson(load(file.toString(), Map.of(), Map.of()), BuiltInGames.ALL)
                .http().admission();
        assertThat(fromFile.trustedProxies()).map(Object::toString).containsExactly("10.0.0.0/8", "::1");
        assertThat(fromFile.allowedOrigins()).map(Object::toString).containsExactly("https://play.example.com");

        AdmissionConfig fromProperty = config(Map.of("arena.http.trustedProxies", " 10.0.0.0/8 ,192.168.1.7,",
                "arena.http.allowedOrigins", "*", "arena.http.requireOrigin", "TRUE")).http().admission();
        assertThat(fromProperty.trustedProxies()).map(Object::toString).containsExactly("10.0.0.0/8", "192.168.1.7");
        assertThat(fromProperty.anyOrigin()).isTrue();
        assertThat(fromProperty.requireOrigin()).isTrue();

        AdmissionConfig fromEnv = ServerConfig.fromJson(load(file.toString(), Map.of(),
                Map.of("ARENA_HTTP_TRUSTEDPROXIES", "")), BuiltInGames.ALL).http().admission();
        assertThat(fromEnv.trustedProxies()).as("an empty variable empties the file's list").isEmpty();
    }

    @Test
    void anUnknownKeyInAFileIsRefusedByNameWithTheClosestKnownKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("typo.yaml");
        Files.writeString(file, "room:\n  tickhz: 30\n");
        assertThatThrownBy(() -> load(file.toString(), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown configuration key room.tickhz: did you mean room.tickHz?");
    }

    @ParameterizedTest(name = "-D{0}")
    @CsvSource(delimiter = '|', value = {
            "arena.room.tickz|arena.room.tickHz",
            "arena.room.tickhz|arena.room.tickHz",
            "arena.sesion.tooSlowMillis|arena.session.tooSlowMillis",
            "arena.http.prot|arena.http.port",
            "arena.room|arena.room.game",
            "arena.log.fromat|arena.log.format"})
    void anUnknownArenaSystemPropertyIsRefusedNamingTheClosestKey(String property, String closest) {
        assertThatThrownBy(() -> load(null, Map.of("arena.room.capacity", "8", property, "30"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown configuration key in system property -D" + property
                        + ": did you mean -D" + closest + "?")
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo(property));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ARENA_ROOM_TICKZ|ARENA_ROOM_TICKHZ (room.tickHz)",
            "ARENA_SESSION_TOOSLOW|ARENA_SESSION_TOOSLOWMILLIS (session.tooSlowMillis)",
            "ARENA_HTTP_PORTS|ARENA_HTTP_PORT (http.port)",
            "ARENA_LOG_FORMT|ARENA_LOG_FORMAT (log.format)"})
    void anUnknownArenaEnvironmentVariableIsRefusedNamingTheClosestKey(String variable, String closest) {
        assertThatThrownBy(() -> load(null, Map.of(), Map.of("ARENA_HTTP_PORT", "9000", variable, "30")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown configuration key in environment variable " + variable
                        + ": did you mean " + closest + "?")
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo(variable));
    }

    @Test
    void propertiesAndVariablesOutsideTheArenaPrefixesAreNotOurs() throws Exception {
        ServerConfig config = ServerConfig.fromJson(load(null,
                Map.of("java.version", "17", "arenas.x", "1", "user.arena.room", "1"),
                Map.of("PATH", "/bin", "ARENAX", "1", "MY_ARENA_ROOM_TICKZ", "1")), BuiltInGames.ALL);
        assertThat(config.room().tickHz()).isEqualTo(20);
    }

    @Test
    void everyKeyOfTheDefaultsIsAcceptedAsAPropertyAndAsAVariable() throws Exception {
        // The check knows the keys of the embedded server.yaml, not a list of its own: a key added there
        // is accepted in every layer without touching the loader.
        List<String> keys = ConfigLoader.keysOf(load(null, Map.of(), Map.of()), "");
        JsonObject defaults = load(null, Map.of(), Map.of());
        Map<String, String> properties = new HashMap<>();
        Map<String, String> env = new HashMap<>();
        for (String key : keys) {
            properties.put(ConfigLoader.PROPERTY_PREFIX + key, asText(valueOf(defaults, key)));
            env.put(ConfigLoader.envName(key), asText(valueOf(defaults, key)));
        }
        assertThat(keys).contains("room.tickHz", "log.format").hasSizeGreaterThan(30);
        JsonObject merged = load(null, properties, env);
        assertThat(ServerConfig.fromJson(merged, BuiltInGames.ALL))
                .isEqualTo(ServerConfig.fromJson(defaults, BuiltInGames.ALL));
    }

    /** A default as a property or variable spells it: a list as comma-separated items. */
    private static String asText(Object value) {
        if (value instanceof io.vertx.core.json.JsonArray list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    private static Object valueOf(JsonObject json, String key) {
        String[] parts = key.split("\\.");
        JsonObject node = json;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.getJsonObject(parts[i]);
        }
        return node.getValue(parts[parts.length - 1]);
    }

    @Test
    void theClosestKeyIsTheOneFewestEditsAwayIgnoringCase() {
        assertThat(ClosestKey.distance("", "abc")).isEqualTo(3);
        assertThat(ClosestKey.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(ClosestKey.distance("tickhz", "tickhz")).isZero();
        assertThat(ClosestKey.of("room.TICKHZ", List.of("room.sendHz", "room.tickHz"))).isEqualTo("room.tickHz");
        assertThat(ClosestKey.of("room.sendz", List.of("room.sendHz", "room.tickHz"))).isEqualTo("room.sendHz");
        assertThat(ClosestKey.of("x", List.of())).isNull();
    }

    @Test
    void theLogFormatIsTextByDefaultAndJsonOnRequest() throws Exception {
        assertThat(config(Map.of()).log().format()).isEqualTo("text");
        assertThat(config(Map.of()).log().json()).isFalse();
        assertThat(config(Map.of("arena.log.format", "json")).log().json()).isTrue();
        assertThatThrownBy(() -> config(Map.of("arena.log.format", "xml")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("log.format must be one of [text, json], got \"xml\"");
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
