package dev.arena.server.transport;

import dev.arena.server.protocol.Delta;
import dev.arena.server.protocol.GameMessage;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.PayloadWriter;
import dev.arena.server.protocol.ProtocolVersion;
import dev.arena.server.protocol.ServerMessage;
import dev.arena.server.protocol.Snapshot;
import dev.arena.server.protocol.Welcome;
import dev.arena.server.support.Players;
import dev.arena.server.support.TallyGame;
import dev.arena.server.support.TestClient;
import dev.arena.server.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A held seat in a game of the second API (game MESSAGEs, spectators), on a
 * real server: while a player's seat is held the game's MESSAGEs to it are
 * dropped (it gets the state it missed with its resume, not the messages),
 * after the resume its MESSAGEs flow both ways again; a spectator holds no
 * seat, so its WELCOME has no resume token and its drop is the end of it.
 */
class HeldSeatTest {
    private TestServer server;
    private Players players;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(Map.of(), List.of(TallyGame.DEFINITION));
        players = new Players(server);
    }

    @AfterEach
    void stop() throws Exception {
        players.close();
        server.close();
    }

    private static GameMessage add(int n) {
        return new GameMessage(TallyGame.ADD, new PayloadWriter().varint(n).toBytes());
    }

    private static int total(TestClient client) throws Exception {
        GameMessage m = client.await(GameMessage.class);
        assertThat(m.type()).isEqualTo(TallyGame.TOTAL);
        return TallyGame.totalOf(m.payload());
    }

    private void awaitGauge(String name, double value) {
        await(name).atMost(TestClient.TIMEOUT).pollInterval(Duration.ofMillis(10))
                .until(() -> server.gauge(name) == value);
    }

    @Test
    void aHeldSeatGetsNoMessagesAndAfterItsResumeTheyFlowBothWaysAgain() throws Exception {
        TestClient ann = players.joined(new Join(null, "ann"));
        String room = ann.welcome.roomId();
        assertThat(ann.welcome.resumeToken()).isNotNull();
        assertThat(total(ann)).as("the total onJoin sent").isZero();
        TestClient bob = players.joined(new Join(room, "bob"));
        assertThat(total(bob)).isZero();

        ann.drop();
        awaitGauge("arena.seats.held", 1);
        bob.send(add(5));
        assertThat(total(bob)).isEqualTo(5);
        assertThat(server.counter("arena.messages.sent", "game", "tally", "type", "total"))
                .as("two greetings, then the broadcast reached bob alone").isEqualTo(3);

        TestClient back = players.resumed(ann);
        Welcome welcome = back.await(Welcome.class);
        assertThat(welcome.playerId()).isEqualTo(ann.welcome.playerId());
        assertThat(welcome.resumeToken()).isEqualTo(ann.welcome.resumeToken());
        ServerMessage first = back.awaitMessage(m -> m instanceof Snapshot || m instanceof Delta);
        assertThat(first).as("from the state held before the drop").isInstanceOf(Delta.class);

        bob.send(add(2));
        assertThat(total(back)).as("the total of 5, sent while the seat was held, never came").isEqualTo(7);
        assertThat(total(bob)).isEqualTo(7);
        back.send(add(1));
        assertThat(total(back)).isEqualTo(8);
        assertThat(total(bob)).isEqualTo(8);
        assertThat(server.counter("arena.messages.received", "game", "tally", "type", "add")).isEqualTo(3);
    }

    @Test
    void aSpectatorHoldsNoSeatSoItGetsNoTokenAndItsDropEndsIt() throws Exception {
        TestClient ann = players.joined(new Join(null, "ann"));
        assertThat(total(ann)).isZero();
        TestClient eve = players.joined(new Join(ProtocolVersion.CURRENT, "tally", ann.welcome.roomId(), "eve",
                Join.SPECTATE, null));
        assertThat(eve.welcome.spectator()).isTrue();
        assertThat(eve.welcome.resumeToken()).as("a spectator has no seat to take back").isNull();
        assertThat(eve.welcome.reconnectGraceMillis()).isZero();
        awaitGauge("arena.spectators.connected", 1);

        eve.drop();
        awaitGauge("arena.spectators.connected", 0);
        assertThat(server.gauge("arena.seats.held")).isZero();
        ann.send(add(3));
        assertThat(total(ann)).as("the room goes on").isEqualTo(3);
    }
}
