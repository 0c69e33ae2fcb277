package dev.arena.server.transport;

import dev.arena.server.game.arena.ArenaGame;
import dev.arena.server.protocol.CloseCodes;
import dev.arena.server.protocol.ErrorMessage;
import dev.arena.server.protocol.GameMessage;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.ProtocolVersion;
import dev.arena.server.protocol.Snapshot;
import dev.arena.server.protocol.Welcome;
import dev.arena.server.support.Http;
import dev.arena.server.support.TallyGame;
import dev.arena.server.support.Players;
import dev.arena.server.support.TestClient;
import dev.arena.server.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two games on one real server (the arena, the default, and the test game
 * {@link TallyGame}): JOIN names the game, quick-join fills rooms of that
 * game only, {@code GET /api/games} and {@code GET /api/rooms} list and
 * filter them, and a game's declared settings and room shape apply.
 */
class GamesAndRoomsIntegrationTest {
    private static final int V = ProtocolVersion.CURRENT;
    private TestServer server;
    private Players players;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(Map.of("room.capacity", "3", "tally.mode", "teams", "tally.start", "5"),
                List.of(ArenaGame.DEFINITION, TallyGame.DEFINITION));
        players = new Players(server);
    }

    @AfterEach
    void stop() throws Exception {
        players.close();
        server.close();
    }


    private TestClient joined(String game, String roomId, String name) throws Exception {
        return players.joined(new Join(V, game, roomId, name, 0, null));
    }

    @Test
    void aJoinNamesItsGameAndNoGameIsTheDefaultOne() throws Exception {
        TestClient ann = joined("tally", null, "ann");
        assertThat(ann.welcome.game()).isEqualTo("tally");
        assertThat(ann.welcome.protocolVersion()).isEqualTo(ProtocolVersion.CURRENT);
        assertThat(ann.welcome.tickHz()).as("the game's own tick rate").isEqualTo(10);
        assertThat(ann.welcome.sendHz()).as("updates at the game's tick rate").isEqualTo(10);
        assertThat(ann.welcome.privateCode()).isNull();
        TestClient bob = joined(null, null, "bob");
        assertThat(bob.welcome.game()).isEqualTo("arena");
        assertThat(bob.welcome.tickHz()).isEqualTo(20);
        assertThat(joined("", null, "cat").welcome.game()).as("empty is the default game too").isEqualTo("arena");
    }

    @Test
    void theGamesSettingsReachItAndItsMessagesReachThePlayers() throws Exception {
        TestClient ann = joined("tally", null, "ann");
        // onJoin sent the total to the joiner: written after its first snapshot.
        assertThat(TallyGame.totalOf(ann.await(GameMessage.class).payload())).as("tally.start").isEqualTo(5);
        TestClient bob = joined("tally", ann.welcome.roomId(), "bob");
        assertThat(TallyGame.totalOf(bob.await(GameMessage.class).payload())).isEqualTo(5);

        bob.send(new GameMessage(TallyGame.ADD, new byte[] {3}));
        assertThat(TallyGame.totalOf(ann.await(GameMessage.class).payload())).isEqualTo(8);
        assertThat(TallyGame.totalOf(bob.await(GameMessage.class).payload())).isEqualTo(8);
        assertThat(server.counter("arena.messages.received", "game", "tally", "type", "add")).isEqualTo(1);
        // 1 + 1 totals at the joins, 2 for the broadcast.
        assertThat(server.counter("arena.messages.sent", "game", "tally", "type", "total")).isEqualTo(4);
    }

    @Test
    void quickJoinFillsRoomsOfTheRequestedGameOnlyAtItsOwnCapacity() throws Exception {
        TestClient arena = joined("arena", null, "a0");
        List<String> tallyRooms = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tallyRooms.add(joined("tally", null, "t" + i).welcome.roomId());
        }
        assertThat(tallyRooms.get(0)).as("an arena room with free seats is not a tally room")
                .isNotEqualTo(arena.welcome.roomId());
        assertThat(tallyRooms.get(1)).as("tally rooms take 2 (tally.capacity), not room.capacity")
                .isEqualTo(tallyRooms.get(0));
        assertThat(tallyRooms.get(2)).isNotEqualTo(tallyRooms.get(0));

        TestClient wrong = players.connect();
        wrong.send(new Join(V, "tally", arena.welcome.roomId(), "w", 0, null));
        ErrorMessage refused = wrong.await(ErrorMessage.class);
        assertThat(refused.code()).isEqualTo(CloseCodes.UNKNOWN_ROOM);
        assertThat(refused.message()).contains("runs arena, not tally");
    }

    @Test
    void anUnknownGameIsRefusedWith4013AndTheClientStaysInTheLobby() throws Exception {
        TestClient client = players.connect();
        client.send(new Join(V, "chess", null, "ann", 0, null));
        ErrorMessage refused = client.await(ErrorMessage.class);
        assertThat(refused.code()).isEqualTo(CloseCodes.UNKNOWN_GAME);
        assertThat(refused.message()).contains("chess").contains("arena, tally");
        assertThat(server.counter("arena.joins.refused", "reason", "unknown_game")).isEqualTo(1);
        client.send(new Join(V, "tally", null, "ann", 0, null));
        assertThat(client.await(Welcome.class).game()).isEqualTo("tally");
    }

    @Test
    void theGamesAreListedWithTheirShapeAndHowBusyTheyAre() throws Exception {
        joined("tally", null, "ann");
        JsonObject answer = Http.get(server, "/api/games").body();
        assertThat(answer.getString("default")).isEqualTo("arena");
        JsonArray games = answer.getJsonArray("games");
        assertThat(games.stream().map(g -> ((JsonObject) g).getString("name")).toList()).containsExactly("arena", "tally");
        JsonObject tally = games.getJsonObject(1);
        assertThat(tally.getString("description")).isEqualTo("Add to a shared total.");
        assertThat(tally.getInteger("capacity")).isEqualTo(2);
        assertThat(tally.getInteger("tickHz")).isEqualTo(10);
        assertThat(tally.getInteger("maxSpectators")).isEqualTo(32);
        assertThat(tally.getInteger("rooms")).isEqualTo(1);
        assertThat(tally.getInteger("players")).isEqualTo(1);
        assertThat(games.getJsonObject(0).getInteger("capacity")).as("room.capacity").isEqualTo(3);
    }

    @Test
    void theRoomListFiltersByGameAndByMetadataAndRefusesAnUnknownGame() throws Exception {
        String tallyRoom = joined("tally", null, "ann").welcome.roomId();
        String arenaRoom = joined("arena", null, "bob").welcome.roomId();

        assertThat(ids(Http.get(server, "/api/rooms").body())).containsExactlyInAnyOrder(tallyRoom, arenaRoom);
        assertThat(ids(Http.get(server, "/api/rooms?game=arena").body())).containsExactly(arenaRoom);
        JsonObject tally = Http.get(server, "/api/rooms?game=tally").body().getJsonArray("rooms").getJsonObject(0);
        assertThat(tally.getString("id")).isEqualTo(tallyRoom);
        assertThat(tally.getString("game")).isEqualTo("tally");
        assertThat(tally.getInteger("capacity")).isEqualTo(2);
        assertThat(tally.getJsonObject("metadata").getString("mode")).as("set by the game from tally.mode").isEqualTo("teams");
        assertThat(ids(Http.get(server, "/api/rooms?game=tally&mode=teams").body())).containsExactly(tallyRoom);
        assertThat(ids(Http.get(server, "/api/rooms?game=tally&mode=solo").body())).isEmpty();
        assertThat(ids(Http.get(server, "/api/rooms?mode=teams").body())).containsExactly(tallyRoom);

        Http.Answer unknown = Http.get(server, "/api/rooms?game=chess");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().getString("error")).contains("chess");
        assertThat(Http.get(server, "/api/rooms?mode=a&mode=b").status()).isEqualTo(400);
    }

    static List<String> ids(JsonObject listing) {
        return listing.getJsonArray("rooms").stream().map(r -> ((JsonObject) r).getString("id")).toList();
    }
}
