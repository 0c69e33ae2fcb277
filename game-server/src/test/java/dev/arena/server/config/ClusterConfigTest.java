package dev.arena.server.config;

import dev.arena.server.game.BuiltInGames;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code cluster.*} and {@code http.publicUrl}: defaults, comma-separated members, and errors naming the key. */
@ExtendWith(VertxExtension.class)
class ClusterConfigTest {
    private static Vertx vertx;

    @BeforeAll
    static void start(Vertx extensionVertx) {
        vertx = extensionVertx;
    }

    private static ClusterConfig cluster(Map<String, String> properties) throws Exception {
        return ServerConfig.fromJson(ConfigLoader.load(vertx, null, properties, Map.of(), BuiltInGames.ALL)
                .await(10, TimeUnit.SECONDS), BuiltInGames.ALL).cluster();
    }

    @Test
    void aLoneNodeIsTheDefault() throws Exception {
        ClusterConfig c = cluster(Map.of());
        assertThat(c.enabled()).isFalse();
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(5701);
        assertThat(c.eventBusPort()).isZero();
        assertThat(c.members()).isEmpty();
        assertThat(c.reservationMillis()).isEqualTo(10_000);
        assertThat(c.publicUrl("0.0.0.0", 8080, false)).as("built from cluster.host when http.host is a wildcard")
                .isEqualTo("ws://127.0.0.1:8080/ws");
        assertThat(c.publicUrl("10.0.0.5", 8443, true)).isEqualTo("wss://10.0.0.5:8443/ws");
    }

    @Test
    void membersAreCommaSeparatedInAPropertyOrAVariable() throws Exception {
        ClusterConfig c = cluster(Map.of("arena.cluster.enabled", "true", "arena.cluster.host", "10.0.0.5",
                "arena.cluster.members", "10.0.0.5:5701, node-2.internal:5702", "arena.http.publicUrl",
                "wss://eu-1.play.example.com/ws"));
        assertThat(c.enabled()).isTrue();
        assertThat(c.members()).containsExactly(new ClusterConfig.Member("10.0.0.5", 5701),
                new ClusterConfig.Member("node-2.internal", 5702));
        assertThat(c.publicUrl("0.0.0.0", 8080, false)).isEqualTo("wss://eu-1.play.example.com/ws");
        ClusterConfig env = ServerConfig.fromJson(ConfigLoader.load(vertx, null, Map.of(),
                Map.of("ARENA_CLUSTER_MEMBERS", "127.0.0.1:5701,127.0.0.1:5702"), BuiltInGames.ALL)
                .await(10, TimeUnit.SECONDS), BuiltInGames.ALL).cluster();
        assertThat(env.members()).extracting(ClusterConfig.Member::port).containsExactly(5701, 5702);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "cluster.host|0.0.0.0|cluster.host must be the IPv4 address of this machine",
            "cluster.host|node-1|cluster.host must be the IPv4 address of this machine",
            "cluster.port|0|cluster.port must be an integer between 1 and 65535",
            "cluster.eventBusPort|70000|cluster.eventBusPort must be an integer between 0 and 65535",
            "cluster.members|10.0.0.5|cluster.members must list members as host:port",
            "cluster.members|10.0.0.5:99999|cluster.members must list members as host:port",
            "cluster.reservationMillis|50|cluster.reservationMillis must be an integer between 100 and 600000",
            "http.publicUrl|http://play.example.com/ws|http.publicUrl must be a ws:// or wss:// URL",
            "http.publicUrl|wss:///ws|http.publicUrl must be a ws:// or wss:// URL",
            "cluster.enabled|yes|cluster.enabled must be true or false"})
    void aBadValueStopsStartUpNamingItsKey(String key, String value, String message) {
        assertThatThrownBy(() -> cluster(Map.of("arena." + key, value)))
                .isInstanceOf(ConfigException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo(key));
    }

    @Test
    void aMistypedClusterKeyNamesTheClosestOne() {
        assertThatThrownBy(() -> cluster(Map.of("arena.cluster.member", "127.0.0.1:5701")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("did you mean -Darena.cluster.members?");
    }

    @Test
    void membersAreListedInTheEmbeddedDefaults() throws Exception {
        assertThat(cluster(Map.of("arena.cluster.members", "")).members()).isEqualTo(List.of());
    }
}
