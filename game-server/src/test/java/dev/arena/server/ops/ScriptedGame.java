package dev.arena.server.ops;

import dev.arena.server.game.arena.ArenaGame;
import dev.arena.server.protocol.CloseCodes;
import dev.arena.server.protocol.ErrorMessage;
import dev.arena.server.protocol.Input;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.Leave;
import dev.arena.server.protocol.Ping;
import dev.arena.server.protocol.Pong;
import dev.arena.server.protocol.Snapshot;
import dev.arena.server.protocol.Welcome;
import dev.arena.server.support.TestClient;
import dev.arena.server.support.TestServer;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short game that touches every meter a healthy server moves: Ann and Bob
 * play in one room (joins, snapshots, deltas, an input that comes back as an
 * update, a server PING answered), Cat is refused an unknown room, joins and
 * leaves again, and a rude client sends a frame with an unknown tag and is
 * closed. Afterwards Ann and Bob are still playing (2 players, 1 room) and
 * Cat waits in the lobby (3 connections) until {@link #close}.
 *
 * <p>Needs a server with a short {@code session.pingIntervalMillis}.
 */
final class ScriptedGame implements AutoCloseable {
    /** Players seated when {@link #play} returns. */
    static final int PLAYERS = 2;
    /** Connections open when {@link #play} returns. */
    static final int CONNECTIONS = 3;

    private final List<TestClient> clients = new ArrayList<>();

    private ScriptedGame() {
    }

    static ScriptedGame play(TestServer server) throws Exception {
        ScriptedGame game = new ScriptedGame();
        try {
            game.script(server);
        } catch (Exception | Error e) {
            game.close();
            throw e;
        }
        return game;
    }

    private TestClient connect(TestServer server) throws Exception {
        TestClient client = TestClient.connect(server.vertx, server.port());
        clients.add(client);
        return client;
    }

    private TestClient joined(TestServer server, String room, String name) throws Exception {
        TestClient client = connect(server);
        client.send(new Join(room, name));
        client.await(Welcome.class);
        client.await(Snapshot.class);
        return client;
    }

    private void script(TestServer server) throws Exception {
        TestClient ann = joined(server, null, "ann");
        String room = ann.welcome.roomId();
        TestClient bob = joined(server, room, "bob");
        int annId = ann.welcome.playerId();

        // An input, acknowledged in an update: the server records its input-to-update latency.
        ann.send(new Input(1, 1f, 0f, 0));
        ann.awaitWorld(w -> w.get(annId).fields()[ArenaGame.FIELD_LAST_SEQ] == 1);
        bob.awaitWorld(w -> w.get(annId) != null && w.get(annId).fields()[ArenaGame.FIELD_LAST_SEQ] == 1);

        // The server's PING answered: it records a round-trip time.
        Ping ping = ann.await(Ping.class);
        ann.send(new Pong(ping.time()));

        // Refused, then seated, then back in the lobby.
        TestClient cat = connect(server);
        cat.send(new Join("no-such-room", "cat"));
        assertThat(cat.await(ErrorMessage.class).code()).isEqualTo(CloseCodes.UNKNOWN_ROOM);
        cat.send(new Join(room, "cat"));
        cat.await(Welcome.class);
        int catId = cat.welcome.playerId();
        ann.awaitWorld(w -> w.get(catId) != null);
        cat.send(Leave.INSTANCE);
        ann.awaitWorld(w -> w.get(catId) == null);

        // A frame with an unknown tag: rejected, and the connection closed.
        TestClient rude = connect(server);
        rude.sendRaw(new byte[] {0x7f});
        assertThat(rude.awaitClose()).isEqualTo(CloseCodes.PROTOCOL_ERROR);
    }

    @Override
    public void close() {
        clients.forEach(TestClient::close);
    }
}
