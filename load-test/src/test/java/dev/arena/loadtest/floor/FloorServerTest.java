package dev.arena.loadtest.floor;

import dev.arena.server.game.arena.ArenaGame;
import dev.arena.server.protocol.ClientMessage;
import dev.arena.server.protocol.Delta;
import dev.arena.server.protocol.FrameCodec;
import dev.arena.server.protocol.Input;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.Ping;
import dev.arena.server.protocol.Pong;
import dev.arena.server.protocol.ServerMessage;
import dev.arena.server.protocol.Snapshot;
import dev.arena.server.protocol.Welcome;
import dev.arena.server.state.ReplicatedWorld;
import dev.arena.server.support.RawWebSocket;
import io.netty.channel.epoll.Epoll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The floor server over real loopback sockets: the WebSocket upgrade at
 * {@code /ws}, WELCOME and SNAPSHOT for a JOIN, DELTAs of exactly the
 * arena-bench size that the game server's codec decodes and its
 * {@link ReplicatedWorld} applies, with the client's latest input seq; its
 * PINGs, and the close codes of the game server for what it refuses.
 */
@Timeout(30)
class FloorServerTest {
    private static final int OP_TEXT = 0x1;

    private final FrameCodec codec = new FrameCodec();
    private FloorServer floor;

    @AfterEach
    void stop() {
        if (floor != null) {
            floor.close();
        }
    }

    @Test
    void aBotsJoinIsWelcomedAndEachDeltaOnTheWireCarriesItsLatestSeq() throws Exception {
        floor = FloorServer.start(FloorSettings.defaults().on("127.0.0.1", 0));
        assertThat(floor.transport()).isEqualTo(Epoll.isAvailable() ? "epoll" : "nio");
        try (RawWebSocket ws = RawWebSocket.connect(floor.port()); RawWebSocket other = RawWebSocket.connect(floor.port())) {
            ReplicatedWorld world = new ReplicatedWorld();
            ws.write(RawWebSocket.frame(RawWebSocket.OP_BINARY, codec.encode(new Join(null, "ann"))));
            Welcome welcome = (Welcome) next(ws, world);
            assertThat(welcome.playerId()).isEqualTo(FloorWorld.OWN_ID);
            assertThat(welcome.roomId()).startsWith("floor-");
            assertThat(welcome.tickHz()).isEqualTo(20);
            assertThat(welcome.sendHz()).isEqualTo(20);
            assertThat(next(ws, world)).isInstanceOf(Snapshot.class);
            assertThat(world.get(FloorWorld.OWN_ID).label()).isEqualTo("ann");

            other.write(RawWebSocket.frame(RawWebSocket.OP_BINARY, codec.encode(new Join(null, "bob"))));
            assertThat(((Welcome) next(other, new ReplicatedWorld())).roomId()).as("quick-joins get rooms of their own")
                    .isNotEqualTo(welcome.roomId());

            for (int seq = 1; seq <= 3; seq++) {
                ws.write(RawWebSocket.frame(RawWebSocket.OP_BINARY, codec.encode(new Input(seq, 0.6f, 0.8f, 0))));
            }
            int deltas = 0;
            while (world.get(FloorWorld.OWN_ID).fields()[ArenaGame.FIELD_LAST_SEQ] < 3) {
                RawWebSocket.Frame frame = ws.read();
                assertThat(frame.opcode()).isEqualTo(RawWebSocket.OP_BINARY);
                ServerMessage message = codec.decodeServer(frame.payload());
                world.applyIfUpdate(message);
                if (message instanceof Delta) {
                    assertThat(frame.payload()).hasSize(FloorSettings.ARENA_BENCH_UPDATE_BYTES);
                    deltas++;
                }
                assertThat(deltas).as("DELTAs before lastSeq 3 arrived").isLessThan(40);
            }
            assertThat(deltas).isPositive();
        }
    }

    @Test
    void itPingsAtTheIntervalAndAnswersAClientsPing() throws Exception {
        floor = FloorServer.start(new FloorSettings("127.0.0.1", 0, 2, FloorSettings.ARENA_BENCH_UPDATE_BYTES, 20, 100, 65536));
        try (RawWebSocket ws = RawWebSocket.connect(floor.port())) {
            ReplicatedWorld world = new ReplicatedWorld();
            ws.write(RawWebSocket.frame(RawWebSocket.OP_BINARY, codec.encode(new Join(null, "ann"))));
            ServerMessage message;
            do {
                message = next(ws, world);
            } while (!(message instanceof Ping));
            ws.write(RawWebSocket.frame(RawWebSocket.OP_BINARY, codec.encode((ClientMessage) new Ping(424242))));
            do {
                message = next(ws, world);
            } while (!(message instanceof Pong));
            assertThat(((Pong) message).time()).isEqualTo(424242);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "a text message,            text,       1003",
            "an INPUT before JOIN,      0201000000, 1002",
            "an unknown tag,            7f,         1002",
            "an empty message,          '',         1002",
            "a malformed JOIN,          01ff,       1002",
            "a second JOIN,             second,     1002",
    })
    void whatTheGameServerRefusesItClosesWithTheSameCode(String what, String payload, int code) throws Exception {
        floor = FloorServer.start(FloorSettings.defaults().on("127.0.0.1", 0));
        try (RawWebSocket ws = RawWebSocket.connect(floor.port())) {
            if (payload.equals("text")) {
                ws.write(RawWebSocket.frame(OP_TEXT, "{}".getBytes()));
            } else if (payload.equals("second")) {
                byte[] join = codec.encode(new Join(null, "ann"));
                ws.write(RawWebSocket.frame(RawWebSocket.OP_BINARY, join));
                ws.write(RawWebSocket.frame(RawWebSocket.OP_BINARY, join));
            } else {
                ws.write(RawWebSocket.frame(RawWebSocket.OP_BINARY, HexFormat.of().parseHex(payload)));
            }
            RawWebSocket.Frame frame;
            do {
                frame = ws.read();
            } while (frame != null && frame.opcode() != RawWebSocket.OP_CLOSE);
            assertThat(frame).as("a close frame").isNotNull();
            assertThat(frame.closeCode()).isEqualTo(code);
        }
    }

    @Test
    void aPortInUseFailsTheStart() throws Exception {
        floor = FloorServer.start(FloorSettings.defaults().on("127.0.0.1", 0));

        assertThatThrownBy(() -> FloorServer.start(FloorSettings.defaults().on("127.0.0.1", floor.port())))
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void anyOtherPathIsNotFound() throws Exception {
        floor = FloorServer.start(FloorSettings.defaults().on("127.0.0.1", 0));
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + floor.port() + "/api/rooms")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
    }

    private ServerMessage next(RawWebSocket ws, ReplicatedWorld world) throws Exception {
        RawWebSocket.Frame frame = ws.read();
        assertThat(frame).as("a frame before the server closed").isNotNull();
        assertThat(frame.opcode()).isEqualTo(RawWebSocket.OP_BINARY);
        ServerMessage message = codec.decodeServer(frame.payload());
        world.applyIfUpdate(message);
        return message;
    }
}
