package dev.arena.server.transport;

import dev.arena.server.game.arena.ArenaGame;
import dev.arena.server.protocol.CloseCodes;
import dev.arena.server.protocol.ErrorMessage;
import dev.arena.server.protocol.Input;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.ProtocolVersion;
import dev.arena.server.protocol.Snapshot;
import dev.arena.server.protocol.Welcome;
import dev.arena.server.support.Http;
import dev.arena.server.support.Players;
import dev.arena.server.support.TestClient;
import dev.arena.server.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Private rooms (created on request, never listed, joined only with their
 * 6-character code) and spectators (the state stream without an entity or a
 * seat, up to {@code room.maxSpectators}) on a real server.
 */
class PrivateRoomsAndSpectatorsTest {
    private static final int V = ProtocolVersion.CURRENT;
    private TestServer server;
    private Players players;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(Map.of("room.capacity", "2", "room.maxSpectators", "1"), List.of(ArenaGame.DEFINITION));
        players = new Players(server);
    }

    @AfterEach
    void stop() throws Exception {
        players.close();
        server.close();
    }



    @Test
    void aPrivateRoomIsJoinedWithItsCodeOnlyAndNeverListed() throws Exception {
        TestClient ann = players.joined(new Join(V, "arena", null, "ann", Join.CREATE_PRIVATE, null));
        String code = ann.welcome.privateCode();
        String room = ann.welcome.roomId();
        assertThat(code).matches("[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}");
        assertThat(GamesAndRoomsIntegrationTest.ids(Http.get(server, "/api/rooms").body())).doesNotContain(room);

        // Typed in lower case with spaces around it, on a phone: still the code.
        TestClient bob = players.joined(new Join(V, null, null, "bob", 0, " " + code.toLowerCase(Locale.ROOT) + " "));
        assertThat(bob.welcome.roomId()).isEqualTo(room);
        assertThat(bob.welcome.privateCode()).isEqualTo(code);
        ann.awaitWorld(w -> w.get(bob.welcome.playerId()) != null);

        TestClient quick = players.joined(new Join(null, "cat"));
        assertThat(quick.welcome.roomId()).as("quick-join never lands in a private room").isNotEqualTo(room);
    }

    @Test
    void aWrongCodeOrAPrivateRoomsIdWithoutItsCodeIsRefusedWith4012() throws Exception {
        TestClient ann = players.joined(new Join(V, null, null, "ann", Join.CREATE_PRIVATE, null));
        String code = ann.welcome.privateCode();
        String wrongCode = code.equals("AAAAAA") ? "BBBBBB" : "AAAAAA";

        TestClient eve = players.send(new Join(V, null, null, "eve", 0, wrongCode));
        ErrorMessage wrong = eve.await(ErrorMessage.class);
        assertThat(wrong.code()).isEqualTo(CloseCodes.WRONG_CODE);
        assertThat(wrong.message()).contains(wrongCode);
        eve.send(new Join(ann.welcome.roomId(), "eve"));
        assertThat(eve.await(ErrorMessage.class).code()).as("the id alone").isEqualTo(CloseCodes.WRONG_CODE);
        eve.send(new Join(V, null, "r999", "eve", 0, code));
        assertThat(eve.await(ErrorMessage.class).code()).as("the code with another room's id").isEqualTo(CloseCodes.WRONG_CODE);
        assertThat(server.counter("arena.joins.refused", "reason", "wrong_code")).isEqualTo(3);

        eve.send(new Join(V, null, ann.welcome.roomId(), "eve", 0, code));
        assertThat(eve.await(Welcome.class).roomId()).as("id and code together").isEqualTo(ann.welcome.roomId());
    }

    @Test
    void aSpectatorWatchesWithoutAnEntityOrASeatUpToTheLimit() throws Exception {
        TestClient ann = players.joined(new Join(null, "ann"));
        String room = ann.welcome.roomId();
        players.joined(new Join(room, "bob"));

        // The room is full of players; a spectator still gets in, and sees both.
        TestClient eve = players.send(new Join(V, null, room, "eve", Join.SPECTATE, null));
        Welcome watching = eve.await(Welcome.class);
        assertThat(watching.spectator()).isTrue();
        assertThat(watching.playerId()).isZero();
        assertThat(watching.game()).isEqualTo("arena");
        eve.await(Snapshot.class);
        assertThat(eve.world.entities().stream().filter(e -> e.kind() == ArenaGame.KIND_PLAYER).count()).isEqualTo(2);
        assertThat(ann.welcome.spectator()).isFalse();

        // One spectator a room here: the next is refused and stays in the lobby.
        TestClient fay = players.send(new Join(V, null, room, "fay", Join.SPECTATE, null));
        ErrorMessage full = fay.await(ErrorMessage.class);
        assertThat(full.code()).isEqualTo(CloseCodes.SPECTATORS_FULL);
        assertThat(server.counter("arena.joins.refused", "reason", "spectators_full")).isEqualTo(1);

        JsonObject listed = Http.get(server, "/api/rooms").body().getJsonArray("rooms").getJsonObject(0);
        assertThat(listed.getInteger("players")).isEqualTo(2);
        assertThat(listed.getInteger("spectators")).isEqualTo(1);
        assertThat(server.registry.get("arena.spectators.connected").tag("game", "arena").gauge().value()).isEqualTo(1);
        assertThat(server.registry.get("arena.players.connected").gauge().value()).isEqualTo(2);

        // A spectator does not play: an INPUT is a protocol error.
        eve.send(new Input(1, 1, 0, 0));
        assertThat(eve.awaitClose()).isEqualTo(CloseCodes.PROTOCOL_ERROR);
        assertThat(server.counter("arena.frames.rejected", "reason", "bad_state")).isEqualTo(1);

        // Its place is free again, once its leave has reached the room.
        await().atMost(TestClient.TIMEOUT).until(() -> server.registry.get("arena.spectators.connected")
                .tag("game", "arena").gauge().value() == 0);
        fay.send(new Join(V, null, room, "fay", Join.SPECTATE, null));
        assertThat(fay.await(Welcome.class).spectator()).isTrue();
    }

    @Test
    void aSpectatorQuickJoinWatchesTheBusiestRoomAndFindsNoneWhenThereIsNone() throws Exception {
        TestClient eve = players.send(new Join(V, null, null, "eve", Join.SPECTATE, null));
        assertThat(eve.await(ErrorMessage.class).code()).isEqualTo(CloseCodes.UNKNOWN_ROOM);

        TestClient ann = players.joined(new Join(null, "ann"));
        players.joined(new Join(ann.welcome.roomId(), "bob"));
        players.joined(new Join(null, "cat"));
        eve.send(new Join(V, null, null, "eve", Join.SPECTATE, null));
        assertThat(eve.await(Welcome.class).roomId()).isEqualTo(ann.welcome.roomId());
    }

    @Test
    void aSpectatorMayNotCreateAPrivateRoom() throws Exception {
        TestClient eve = players.send(new Join(V, null, null, "eve", Join.SPECTATE | Join.CREATE_PRIVATE, null));
        assertThat(eve.await(ErrorMessage.class).code()).isEqualTo(CloseCodes.BAD_REQUEST);
    }
}
