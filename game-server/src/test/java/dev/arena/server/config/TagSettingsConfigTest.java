package dev.arena.server.config;

import dev.arena.server.game.BuiltInGames;
import dev.arena.server.game.tag.TagSettings;
import io.vertx.core.Vertx;
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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tag game's {@code tag.*} keys on the stock server: the embedded
 * defaults become its settings and room shape, an operator's values reach
 * it, and a value out of range or a mistyped key stops start-up with an
 * error naming the key.
 */
@ExtendWith(VertxExtension.class)
class TagSettingsConfigTest {
    private static Vertx vertx;

    @BeforeAll
    static void start(Vertx extensionVertx) {
        vertx = extensionVertx;
    }

    private static ServerConfig config(Map<String, String> properties) throws Exception {
        return ServerConfig.fromJson(ConfigLoader.load(vertx, null, properties, Map.of(), BuiltInGames.ALL)
                .await(10, TimeUnit.SECONDS), BuiltInGames.ALL);
    }

    @Test
    void theDefaultsMakeANinetySecondRoundOfTenPlayersAtTwentyHertz() throws Exception {
        GameConfig tag = config(Map.of()).game("tag");
        assertThat(tag.capacity()).isEqualTo(10);
        assertThat(tag.tickHz()).isEqualTo(20);
        assertThat(tag.sendHz()).isEqualTo(20);
        assertThat(TagSettings.from(tag.settings()))
                .isEqualTo(new TagSettings(1200, 800, 4, 200, 230, 32, 90, 5, 1.5, 1));
    }

    @Test
    void anOperatorsValuesReachTheGame() throws Exception {
        GameConfig tag = config(Map.of("arena.tag.roundSeconds", "60", "arena.tag.its", "2",
                "arena.tag.capacity", "6")).game("tag");
        assertThat(TagSettings.from(tag.settings()).roundSeconds()).isEqualTo(60);
        assertThat(TagSettings.from(tag.settings()).its()).isEqualTo(2);
        assertThat(tag.capacity()).isEqualTo(6);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "tag.roundSeconds|4|tag.roundSeconds must be an integer between 5 and 3600, got \"4\"",
            "tag.tagRadius|-1|tag.tagRadius must be a number between 0.0 and 100000.0",
            "tag.its|0|tag.its must be an integer between 1 and 100",
            "tag.freezeSeconds|soon|tag.freezeSeconds must be a number",
            "tag.capacity|1001|tag.capacity must be an integer between 1 and 1000"})
    void aValueOutOfRangeIsRefusedNamingTheKey(String key, String value, String message) {
        assertThatThrownBy(() -> config(Map.of("arena." + key, value)))
                .isInstanceOf(ConfigException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo(key));
    }

    @Test
    void aMistypedKeyInAFileIsRefusedByName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tag.yaml");
        Files.writeString(file, "tag:\n  roundSecs: 60\n");
        assertThatThrownBy(() -> ConfigLoader.load(vertx, file.toString(), Map.of(), Map.of(), BuiltInGames.ALL)
                .await(10, TimeUnit.SECONDS))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown configuration key tag.roundSecs");
    }
}
