package dev.arena.server.config;

import dev.arena.server.game.BuiltInGames;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code connect4.*} section: its defaults shape the game's rooms (two
 * seats, 4 steps a second) whatever {@code room.*} says, the turn clock is
 * the operator's to change or turn off, and a bad value is refused naming
 * its key, a third seat included.
 */
@ExtendWith(VertxExtension.class)
class ConnectFourSettingsTest {
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
    void theDefaultsAreTwoSeatsFourStepsAndAMinuteAMove() throws Exception {
        ServerConfig config = config(Map.of("arena.room.capacity", "8", "arena.room.tickHz", "30"));
        GameConfig connect4 = config.game("connect4");
        assertThat(connect4.capacity()).as("its own, not room.capacity").isEqualTo(2);
        assertThat(connect4.tickHz()).isEqualTo(4);
        assertThat(connect4.sendHz()).isEqualTo(4);
        assertThat(connect4.settings().integer("turnSeconds")).isEqualTo(60);
        assertThat(config.room().games()).contains("arena", "connect4");
    }

    @Test
    void theOperatorSetsTheClockAndTheRateLikeAnyKey() throws Exception {
        GameConfig connect4 = config(Map.of("arena.connect4.turnSeconds", "0", "arena.connect4.tickHz", "10")).game("connect4");
        assertThat(connect4.settings().integer("turnSeconds")).isZero();
        assertThat(connect4.tickHz()).isEqualTo(10);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "connect4.capacity|3|connect4.capacity must be an integer between 2 and 2, got \"3\"",
            "connect4.turnSeconds|-1|connect4.turnSeconds must be an integer between 0 and 3600, got \"-1\"",
            "connect4.turnSeconds|soon|connect4.turnSeconds must be an integer between 0 and 3600, got \"soon\"",
            "connect4.tickHz|0|connect4.tickHz must be an integer between 1 and 120"})
    void aBadValueIsRefusedNamingItsKey(String key, String value, String message) {
        assertThatThrownBy(() -> config(Map.of("arena." + key, value)))
                .isInstanceOf(ConfigException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo(key));
    }
}
