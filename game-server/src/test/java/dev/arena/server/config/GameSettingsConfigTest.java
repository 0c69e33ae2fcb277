package dev.arena.server.config;

import dev.arena.server.game.BuiltInGames;
import dev.arena.server.game.GameDefinition;
import dev.arena.server.game.Setting;
import dev.arena.server.game.arena.ArenaGame;
import dev.arena.server.support.TallyGame;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each game's own settings, under its own section: known keys like the
 * server's (a typo is refused by name), validated with key-named errors, and
 * the built-in games' declarations are what server.yaml and config/README.md
 * say. {@code room.games} picks the games offered and the room shape keys a
 * game declares override {@code room.*}.
 */
@ExtendWith(VertxExtension.class)
class GameSettingsConfigTest {
    private static final List<GameDefinition> GAMES = List.of(ArenaGame.DEFINITION, TallyGame.DEFINITION);
    private static Vertx vertx;

    @BeforeAll
    static void start(Vertx extensionVertx) {
        vertx = extensionVertx;
    }

    private static ServerConfig config(Map<String, String> properties) throws Exception {
        return ServerConfig.fromJson(load(null, properties, GAMES), GAMES);
    }

    private static JsonObject load(String file, Map<String, String> properties, List<GameDefinition> games) throws Exception {
        return ConfigLoader.load(vertx, file, properties, Map.of(), games).await(10, TimeUnit.SECONDS);
    }

    @Test
    void aGamesDeclaredDefaultsAreItsSettingsAndItsRoomShape() throws Exception {
        ServerConfig config = config(Map.of());
        GameConfig tally = config.game("tally");
        assertThat(tally.settings().choice("mode")).isEqualTo("solo");
        assertThat(tally.settings().integer("start")).isZero();
        assertThat(tally.capacity()).isEqualTo(2);
        assertThat(tally.tickHz()).isEqualTo(10);
        assertThat(tally.sendHz()).as("the game's tick rate, not room.sendHz").isEqualTo(10);
        GameConfig arena = config.game("arena");
        assertThat(arena.capacity()).as("room.capacity").isEqualTo(20);
        assertThat(arena.tickHz()).isEqualTo(20);
        assertThat(config.room().games()).as("room.games empty: every game").containsExactly("arena", "tally");
        assertThat(config.room().forGame(tally).capacity()).isEqualTo(2);
        assertThat(config.room().forGame(tally).maxRooms()).isEqualTo(config.room().maxRooms());
    }

    @Test
    void aGamesKeysAreOverriddenLikeTheServersOwnInEveryLayer(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("games.yaml");
        Files.writeString(file, "tally:\n  start: 7\n  capacity: 4\narena:\n  orbs: 3\n");
        JsonObject json = ConfigLoader.load(vertx, file.toString(), Map.of("arena.tally.mode", "teams"),
                Map.of("ARENA_ARENA_CHATMAXLENGTH", "50"), GAMES).await(10, TimeUnit.SECONDS);
        ServerConfig config = ServerConfig.fromJson(json, GAMES);
        assertThat(config.game("tally").settings().integer("start")).isEqualTo(7);
        assertThat(config.game("tally").capacity()).isEqualTo(4);
        assertThat(config.game("tally").settings().choice("mode")).isEqualTo("teams");
        assertThat(config.game("arena").settings().integer("orbs")).isEqualTo(3);
        assertThat(config.game("arena").settings().integer("chatMaxLength")).isEqualTo(50);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "tally.start|101|tally.start must be an integer between 0 and 100, got \"101\"",
            "tally.mode|duo|tally.mode must be one of [solo, teams], got \"duo\"",
            "tally.capacity|0|tally.capacity must be an integer between 1 and 1000",
            "tally.tickHz|121|tally.tickHz must be an integer between 1 and 120",
            "arena.chatMaxLength|501|arena.chatMaxLength must be an integer between 1 and 500",
            "room.games|arena,chess|room.games names the unknown game \"chess\" (this server has arena, tally)",
            "room.games|tally,tally|room.games names tally twice",
            "room.games|tally|room.game must be one of the offered games [tally] (room.games), got \"arena\"",
            "room.maxSpectators|1001|room.maxSpectators must be an integer between 0 and 1000"})
    void anInvalidGameValueIsRefusedNamingTheKey(String key, String value, String message) {
        assertThatThrownBy(() -> config(Map.of("arena." + key, value)))
                .isInstanceOf(ConfigException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((ConfigException) e).key()).isIn(key, "room.game"));
    }

    @Test
    void aGamesSendRateMayNotExceedItsTickRate() {
        GameDefinition quick = GameDefinition.builder("quick").tickHz(10).sendHz(5).create(c -> null);
        assertThatThrownBy(() -> ServerConfig.fromJson(load(null, Map.of("arena.quick.sendHz", "11", "arena.room.game", "quick"), List.of(quick)),
                List.of(quick)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("quick.sendHz must be at most the tick rate of quick (10), got 11");
    }

    @Test
    void aKeyTheGameDoesNotDeclareIsRefusedByName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("typo.yaml");
        Files.writeString(file, "tally:\n  strat: 3\n");
        assertThatThrownBy(() -> load(file.toString(), Map.of(), GAMES))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown configuration key tally.strat");
        Files.writeString(file, "tally:\n  start: 3\n");
        assertThatThrownBy(() -> load(file.toString(), Map.of(), List.of(ArenaGame.DEFINITION)))
                .as("a game the server does not have has no section")
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown configuration key tally");
    }

    @Test
    void roomGamesPicksTheGamesOfferedAsAListOrCommaSeparated(@TempDir Path dir) throws Exception {
        assertThat(config(Map.of("arena.room.games", " tally , arena ", "arena.room.game", "tally")).room().games())
                .containsExactly("tally", "arena");
        Path file = dir.resolve("games.yaml");
        Files.writeString(file, "room:\n  games: [tally]\n  game: tally\n");
        assertThat(ServerConfig.fromJson(load(file.toString(), Map.of(), GAMES), GAMES).room().games())
                .containsExactly("tally");
    }

    @Test
    void aGameNamedLikeASectionOfTheServersIsRefused() {
        GameDefinition room = GameDefinition.builder("room").setting(Setting.integer("x", 1, 0, 9, "")).create(c -> null);
        assertThatThrownBy(() -> load(null, Map.of(), List.of(room)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("the game room declares no setting");
    }

    @Test
    void theBuiltInGamesDeclareWhatServerYamlAndTheConfigReadmeSay() throws Exception {
        JsonObject yaml = load(null, Map.of(), List.of());
        String readme = Files.readString(Path.of("..", "config", "README.md"));
        for (GameDefinition game : BuiltInGames.ALL) {
            JsonObject section = yaml.getJsonObject(game.name());
            assertThat(section).as("server.yaml has a section %s", game.name()).isNotNull();
            assertThat(section.fieldNames()).as("the keys of %s in server.yaml", game.name())
                    .containsExactlyInAnyOrderElementsOf(game.settings().stream().map(Setting::key).toList());
            for (Setting s : game.settings()) {
                String key = game.name() + "." + s.key();
                Object listed = section.getValue(s.key());
                if (s.defaultValue() instanceof Number n) {
                    assertThat(((Number) listed).doubleValue()).as("default of %s in server.yaml", key)
                            .isEqualTo(n.doubleValue());
                } else {
                    assertThat(listed).as("default of %s in server.yaml", key).isEqualTo(s.defaultValue());
                }
                assertThat(readme).as("config/README.md lists %s with its default", key)
                        .contains("| `" + key + "` | `" + format(s.defaultValue()) + "` |");
            }
        }
    }

    private static String format(Object value) {
        return value instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(value);
    }
}
