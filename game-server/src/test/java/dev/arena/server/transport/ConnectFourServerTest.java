package dev.arena.server.transport;

import dev.arena.server.game.connect4.ConnectFourGame;
import dev.arena.server.game.connect4.ConnectFourMessages;
import dev.arena.server.game.connect4.ConnectFourMessages.Rejection;
import dev.arena.server.protocol.CloseCodes;
import dev.arena.server.protocol.EntityRecord;
import dev.arena.server.protocol.GameMessage;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.PayloadReader;
import dev.arena.server.protocol.ProtocolVersion;
import dev.arena.server.protocol.ServerMessage;
import dev.arena.server.state.ReplicatedWorld;
import dev.arena.server.support.Http;
import dev.arena.server.support.Players;
import dev.arena.server.support.TestClient;
import dev.arena.server.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Connect Four on a real server beside the arena: the lobby lists it with its
 * room shape and each room's state, two players quick-join one room and play
 * a game to a win over the real protocol, a spectator found in the room list
 * sees every move, a refused move reaches its sender alone, and a spectator
 * that sends a move is closed (PROTOCOL.md: 1002) without touching the board.
 */
class ConnectFourServerTest {
    private static final int V = ProtocolVersion.CURRENT;
    private TestServer server;
    private Players players;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(Map.of());
        players = new Players(server);
    }

    @AfterEach
    void stop() throws Exception {
        players.close();
        server.close();
    }

    private static long discs(ReplicatedWorld world) {
        return world.entities().stream().filter(e -> e.kind() == ConnectFourGame.KIND_DISC).count();
    }

    private static int match(ReplicatedWorld world, int field) {
        return world.entities().stream().filter(e -> e.kind() == ConnectFourGame.KIND_MATCH).findFirst()
                .map(EntityRecord::fields).orElseThrow()[field];
    }

    private static boolean isRejection(ServerMessage m) {
        return m instanceof GameMessage g && g.type() == ConnectFourMessages.REJECTED;
    }

    private List<String> roomsWhere(String query) throws Exception {
        return GamesAndRoomsIntegrationTest.ids(Http.get(server, "/api/rooms?game=connect4" + query).body());
    }

    @Test
    void theServerOffersItBesideTheArenaWithTwoSeatsAtFourSteps() throws Exception {
        JsonObject games = Http.get(server, "/api/games").body();
        JsonObject connect4 = games.getJsonArray("games").stream().map(JsonObject.class::cast)
                .filter(g -> g.getString("name").equals("connect4")).findFirst().orElseThrow();
        assertThat(games.getString("default")).isEqualTo("arena");
        assertThat(connect4.getInteger("capacity")).isEqualTo(2);
        assertThat(connect4.getInteger("tickHz")).isEqualTo(4);
        assertThat(connect4.getInteger("sendHz")).isEqualTo(4);
        assertThat(connect4.getString("description")).contains("four in a row");
    }

    @Test
    void twoPlayersPlayToAWinWhileASpectatorFromTheRoomListWatchesEveryMove() throws Exception {
        TestClient ann = players.joined(new Join(V, "connect4", null, "ann", 0, null));
        String room = ann.welcome.roomId();
        assertThat(ann.welcome.game()).isEqualTo("connect4");
        await().atMost(TestClient.TIMEOUT).until(() -> roomsWhere("&state=waiting").contains(room));

        TestClient bob = players.joined(new Join(V, "connect4", null, "bob", 0, null));
        assertThat(bob.welcome.roomId()).as("quick-join fills the waiting seat").isEqualTo(room);
        await().atMost(TestClient.TIMEOUT).until(() -> roomsWhere("&state=playing").contains(room));
        assertThat(roomsWhere("&state=waiting")).doesNotContain(room);

        TestClient eve = players.joined(new Join(V, "connect4", room, "eve", Join.SPECTATE, null));
        assertThat(eve.welcome.spectator()).isTrue();

        // Red (ann) wins in column 0; every move reaches both players and the spectator.
        int[] columns = {0, 1, 0, 1, 0, 1, 0};
        for (int i = 0; i < columns.length; i++) {
            TestClient mover = i % 2 == 0 ? ann : bob;
            mover.send(new GameMessage(ConnectFourMessages.MOVE, ConnectFourMessages.move(columns[i])));
            int n = i + 1;
            for (TestClient c : List.of(ann, bob, eve)) {
                c.awaitWorld(w -> discs(w) == n);
            }
        }
        eve.awaitWorld(w -> match(w, ConnectFourGame.PHASE) == ConnectFourGame.FINISHED);
        assertThat(match(eve.world, ConnectFourGame.WINNER)).isEqualTo(ConnectFourGame.RED);
        assertThat(eve.world.entities().stream().filter(e -> e.kind() == ConnectFourGame.KIND_DISC
                && e.fields()[ConnectFourGame.WINNING] == 1)).hasSize(4);
        await().atMost(TestClient.TIMEOUT).until(() -> roomsWhere("&state=finished").contains(room));

        // A move after the end is refused to bob alone: ann's stream up to her own later change holds no refusal.
        bob.send(new GameMessage(ConnectFourMessages.MOVE, ConnectFourMessages.move(5)));
        GameMessage refused = (GameMessage) bob.awaitMessage(ConnectFourServerTest::isRejection);
        PayloadReader in = new PayloadReader(refused.payload());
        assertThat(in.varint()).isEqualTo(Rejection.GAME_OVER.code);
        assertThat(in.string(200, "text")).isEqualTo("The game is over: ask for a rematch.");
        ann.send(new GameMessage(ConnectFourMessages.REMATCH, new byte[0]));
        int annId = ann.welcome.playerId();
        ann.awaitMessage(m -> {
            assertThat(isRejection(m)).as("a refusal of bob's reached ann").isFalse();
            return ann.world.get(annId) != null && ann.world.get(annId).fields()[ConnectFourGame.WANTS_REMATCH] == 1;
        });
        assertThat(discs(ann.world)).isEqualTo(7);
        assertThat(server.counter("arena.messages.received", "game", "connect4", "type", "move")).isEqualTo(8);
        assertThat(server.counter("arena.messages.sent", "game", "connect4", "type", "rejected")).isEqualTo(1);

        // A spectator may not move: its session closes it, and the board is as it was.
        eve.send(new GameMessage(ConnectFourMessages.MOVE, ConnectFourMessages.move(3)));
        assertThat(eve.awaitClose()).isEqualTo(CloseCodes.PROTOCOL_ERROR);
        bob.send(new GameMessage(ConnectFourMessages.REMATCH, new byte[0]));
        bob.awaitWorld(w -> match(w, ConnectFourGame.ROUND) == 2);
        assertThat(discs(bob.world)).as("the rematch cleared the board; eve's move never landed").isZero();
    }
}
