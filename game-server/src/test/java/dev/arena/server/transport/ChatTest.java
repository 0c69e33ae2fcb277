package dev.arena.server.transport;

import dev.arena.server.protocol.GameMessage;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.PayloadReader;
import dev.arena.server.protocol.PayloadWriter;
import dev.arena.server.protocol.ProtocolVersion;
import dev.arena.server.protocol.Snapshot;
import dev.arena.server.protocol.Welcome;
import dev.arena.server.support.Players;
import dev.arena.server.support.TestClient;
import dev.arena.server.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The arena's chat, a game MESSAGE each way, on a real server: a line reaches
 * every player and spectator of the room with its sender's id and name,
 * cleaned of control characters; blank lines go nowhere; and the messages are
 * counted by game and declared type, undeclared types as {@code other}.
 */
class ChatTest {
    private static final int CHAT = 1;
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


    /** A chat line as the server sends it: [playerId] (varint) [name] (string) [text] (string). */
    private record Line(int playerId, String name, String text) {
        static Line of(GameMessage m) {
            assertThat(m.type()).isEqualTo(CHAT);
            PayloadReader in = new PayloadReader(m.payload());
            Line line = new Line(in.varint(), in.string(200, "name"), in.string(200, "text"));
            in.end();
            return line;
        }
    }

    private static GameMessage chat(String text) {
        return new GameMessage(CHAT, new PayloadWriter().string(text).toBytes());
    }

    @Test
    void aLineReachesEveryPlayerAndSpectatorWithItsSender() throws Exception {
        TestClient ann = players.joined(new Join(null, "ann"));
        String room = ann.welcome.roomId();
        TestClient bob = players.joined(new Join(room, "bob"));
        TestClient eve = players.joined(new Join(ProtocolVersion.CURRENT, null, room, "eve", Join.SPECTATE, null));

        // Blank after cleaning: dropped. Then a line with a tab and a newline, which become spaces.
        ann.send(chat(" \t "));
        ann.send(chat("  <b>hi</b>\tall\n "));
        Line expected = new Line(ann.welcome.playerId(), "ann", "<b>hi</b> all");
        for (TestClient client : List.of(ann, bob, eve)) {
            assertThat(Line.of(client.await(GameMessage.class))).isEqualTo(expected);
        }
        assertThat(server.counter("arena.messages.received", "game", "arena", "type", "chat")).isEqualTo(2);
        assertThat(server.counter("arena.messages.sent", "game", "arena", "type", "chat")).isEqualTo(3);
    }

    @Test
    void aTypeTheGameDoesNotDeclareIsCountedAsOtherAndIgnored() throws Exception {
        TestClient ann = players.joined(new Join(null, "ann"));
        ann.send(new GameMessage(99, new byte[] {1, 2, 3}));
        ann.send(chat("still here"));
        assertThat(Line.of(ann.await(GameMessage.class)).text()).isEqualTo("still here");
        assertThat(server.counter("arena.messages.received", "game", "arena", "type", "other")).isEqualTo(1);
        assertThat(server.registry.find("arena.messages.received").tag("game", "arena").counters())
                .as("declared types and other, from start-up").hasSize(2);
    }
}
