package dev.arena.server.transport;

import dev.arena.server.game.tag.TagGame;
import dev.arena.server.game.tag.TagMessages;
import dev.arena.server.protocol.GameMessage;
import dev.arena.server.protocol.Input;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.ProtocolVersion;
import dev.arena.server.support.Http;
import dev.arena.server.support.Players;
import dev.arena.server.support.TestClient;
import dev.arena.server.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.arena.server.transport.GamesAndRoomsIntegrationTest.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tag game on the stock server (every built-in game offered, arena the
 * default): listed beside the arena with its own room shape, its rooms found
 * by {@code ?game=tag&mode=teams} with their team counts, two players put on
 * opposite teams, and a player steered into the other over a real WebSocket
 * gets a "tagged" MESSAGE to both after the state that shows it.
 */
class TagGameIntegrationTest {
    private TestServer server;
    private Players players;

    @BeforeEach
    void start() throws Exception {
        // A small field: the two sides are 120 units apart, 0.6 s at 200 units/s.
        server = TestServer.start(Map.of("tag.worldWidth", "200", "tag.worldHeight", "100"));
        players = new Players(server);
    }

    @AfterEach
    void stop() throws Exception {
        players.close();
        server.close();
    }

    private TestClient joinTag(String name) throws Exception {
        return players.joined(new Join(ProtocolVersion.CURRENT, "tag", null, name, 0, null));
    }

    @Test
    void tagIsOfferedBesideTheArenaAndItsRoomsAreFoundAsTeamRooms() throws Exception {
        JsonArray games = Http.get(server, "/api/games").body().getJsonArray("games");
        assertThat(games.stream().map(g -> ((JsonObject) g).getString("name")).toList()).contains("arena", "tag");
        JsonObject tag = games.stream().map(JsonObject.class::cast).filter(g -> g.getString("name").equals("tag"))
                .findFirst().orElseThrow();
        assertThat(tag.getInteger("capacity")).isEqualTo(10);
        assertThat(tag.getInteger("tickHz")).isEqualTo(20);
        assertThat(tag.getString("description")).contains("tag someone");

        TestClient ann = joinTag("ann");
        TestClient bob = joinTag("bob");
        String room = ann.welcome.roomId();
        assertThat(bob.welcome.roomId()).as("quick-join fills the tag room").isEqualTo(room);
        assertThat(ann.welcome.game()).isEqualTo("tag");
        assertThat(ann.welcome.params()).containsKeys("runnerSpeed", "itSpeed", "tagRadius");
        bob.awaitWorld(w -> w.get(ann.welcome.playerId()) != null);
        assertThat(bob.world.get(ann.welcome.playerId()).fields()[TagGame.FIELD_TEAM])
                .isNotEqualTo(bob.world.get(bob.welcome.playerId()).fields()[TagGame.FIELD_TEAM]);

        await().atMost(TestClient.TIMEOUT).until(() ->
                ids(Http.get(server, "/api/rooms?game=tag&mode=teams&red=1&blue=1").body()).contains(room));
        JsonObject listed = Http.get(server, "/api/rooms?game=tag").body().getJsonArray("rooms").getJsonObject(0);
        assertThat(listed.getJsonObject("metadata").getMap())
                .containsExactlyInAnyOrderEntriesOf(Map.of("mode", "teams", "teams", "2", "red", "1", "blue", "1"));
        assertThat(listed.getInteger("capacity")).isEqualTo(10);
        assertThat(ids(Http.get(server, "/api/rooms?game=arena").body())).isEmpty();
        assertThat(ids(Http.get(server, "/api/rooms?game=tag&mode=free").body())).isEmpty();
    }

    @Test
    void steeringIntoTheOtherTeamTagsAndBothPlayersHearOfIt() throws Exception {
        TestClient ann = joinTag("ann");
        TestClient bob = joinTag("bob");
        int annId = ann.welcome.playerId();
        int bobId = bob.welcome.playerId();
        // Whoever is it, a touch tags: ann (red, on the left) walks right into bob.
        ann.awaitWorld(w -> w.get(bobId) != null);
        boolean annIsRed = ann.world.get(annId).fields()[TagGame.FIELD_TEAM] == 0;
        ann.send(new Input(1, annIsRed ? 1 : -1, 0, 0));

        for (TestClient client : new TestClient[] {ann, bob}) {
            GameMessage message = (GameMessage) client.awaitMessage(m -> m instanceof GameMessage g
                    && g.type() == TagMessages.TAGGED);
            TagMessages.Tagged tagged = TagMessages.Tagged.read(message.payload());
            assertThat(java.util.Set.of(tagged.taggerId(), tagged.taggedId())).containsExactlyInAnyOrder(annId, bobId);
            assertThat(tagged.teamScore()).isEqualTo(1);
            assertThat(client.world.get(tagged.taggedId()).fields()[TagGame.FIELD_IT]).as("the state came first")
                    .isEqualTo(1);
            assertThat(client.world.get(tagged.taggerId()).fields()[TagGame.FIELD_SCORE]).isEqualTo(1);
        }
        assertThat(server.counter("arena.messages.sent", "game", "tag", "type", "tagged")).isEqualTo(2);
    }
}
