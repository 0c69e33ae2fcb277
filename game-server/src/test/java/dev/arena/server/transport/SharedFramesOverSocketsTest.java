package dev.arena.server.transport;

import dev.arena.server.protocol.ClientMessage;
import dev.arena.server.protocol.Delta;
import dev.arena.server.protocol.FrameCodec;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.ServerMessage;
import dev.arena.server.protocol.Snapshot;
import dev.arena.server.protocol.Welcome;
import dev.arena.server.state.ReplicatedWorld;
import dev.arena.server.support.RawWebSocket;
import dev.arena.server.support.TestClient;
import dev.arena.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The room's frames as clients see them on real sockets, now that a frame is
 * framed once per send tick and handed to each event loop in one batch: the
 * clients that share a baseline get the very same bytes, one WebSocket frame
 * per message however large, which the real codec decodes into a state every
 * client agrees on; and a client that stopped reading, skipped meanwhile,
 * gets its own frame from the older state it holds.
 */
@Timeout(60)
class SharedFramesOverSocketsTest {
    private final FrameCodec codec = new FrameCodec();

    /** One player on a raw socket: every update it reads is decoded and applied, as a client does. */
    private final class Player implements AutoCloseable {
        final RawWebSocket socket;
        final ReplicatedWorld world = new ReplicatedWorld();
        /** The bytes of each DELTA read, by its tick. */
        final Map<Integer, byte[]> deltas = new HashMap<>();
        Welcome welcome;

        Player(int port, int receiveBufferBytes, String roomId, String name) throws Exception {
            socket = RawWebSocket.connect(port, receiveBufferBytes);
            socket.write(frame(new Join(roomId, name)));
            welcome = (Welcome) next();
        }

        /** The next message, applied to the world when it is a state update; each one a single frame. */
        ServerMessage next() throws Exception {
            RawWebSocket.Frame frame;
            do {
                frame = socket.read();
                assertThat(frame).as("a message before the end").isNotNull();
            } while (frame.opcode() != RawWebSocket.OP_BINARY);
            assertThat(frame.frames()).as("WebSocket frames of one %d-byte message", frame.payload().length).isOne();
            ServerMessage message = codec.decodeServer(frame.payload());
            world.applyIfUpdate(message);
            if (message instanceof Delta delta) {
                deltas.put(delta.tick(), frame.payload());
            }
            return message;
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }

    private byte[] frame(ClientMessage message) {
        return RawWebSocket.frame(RawWebSocket.OP_BINARY, codec.encode(message));
    }

    @Test
    void playersWhoShareABaselineGetTheSameBytesAndAgreeOnTheState() throws Exception {
        try (TestServer server = TestServer.start(Map.of("room.capacity", "3", "arena.orbs", "12"));
             Player a = new Player(server.port(), 0, null, "a");
             Player b = new Player(server.port(), 0, a.welcome.roomId(), "b");
             Player c = new Player(server.port(), 0, a.welcome.roomId(), "c")) {
            List<Player> players = List.of(a, b, c);
            // Everyone holds the room's state, then reads the same run of updates.
            for (Player p : players) {
                while (!(p.next() instanceof Snapshot)) {
                    // WELCOME came first; a MESSAGE of the game may come before the state.
                }
            }
            int commonTicks = 0;
            for (int round = 0; round < 40 && commonTicks < 10; round++) {
                for (Player p : players) {
                    p.next();
                }
                commonTicks = 0;
                for (Map.Entry<Integer, byte[]> e : a.deltas.entrySet()) {
                    if (b.deltas.containsKey(e.getKey()) && c.deltas.containsKey(e.getKey())) {
                        commonTicks++;
                        assertThat(b.deltas.get(e.getKey())).as("b's DELTA of tick %d", e.getKey()).isEqualTo(e.getValue());
                        assertThat(c.deltas.get(e.getKey())).as("c's DELTA of tick %d", e.getKey()).isEqualTo(e.getValue());
                    }
                }
            }
            assertThat(commonTicks).as("ticks all three read").isGreaterThanOrEqualTo(10);
            // The same tick held by all: the same state, the room's three players and its orbs.
            while (a.world.tick() != b.world.tick() || b.world.tick() != c.world.tick()) {
                Player behind = players.stream().min((x, y) -> Integer.compare(x.world.tick(), y.world.tick())).orElseThrow();
                behind.next();
            }
            assertThat(b.world.entities()).isEqualTo(a.world.entities());
            assertThat(c.world.entities()).isEqualTo(a.world.entities());
            assertThat(a.world.size()).as("three players and twelve orbs").isEqualTo(3 + 12);
        }
    }

    @Test
    void aPlayerThatStoppedReadingGetsADeltaFromTheOlderStateItHolds() throws Exception {
        // 5000 moving orbs: every update is some 15 KB, so a socket that is not read backs up within a second.
        try (TestServer server = TestServer.start(Map.of("room.capacity", "2", "arena.orbs", "5000"));
             TestClient reader = TestClient.connect(server.vertx, server.port())) {
            reader.send(new Join(null, "reader"));
            String room = reader.await(Welcome.class).roomId();
            try (Player slow = new Player(server.port(), 4096, room, "slow")) {
                assertThat(slow.next()).as("a 15 KB snapshot in one frame").isInstanceOf(Snapshot.class);
                int held = slow.world.tick();
                // The slow player reads nothing while the server skips it for congestion.
                double skippedBefore = server.counter("arena.snapshots.skipped");
                while (server.counter("arena.snapshots.skipped") < skippedBefore + 3) {
                    reader.await(Delta.class);
                }
                // It reads on: first what the server had queued (each from the tick before), then the catch-up.
                Delta catchUp = null;
                while (catchUp == null) {
                    ServerMessage m = slow.next();
                    if (m instanceof Delta d) {
                        assertThat(d.baselineTick()).as("each delta starts from the state last read").isEqualTo(held);
                        if (d.tick() - d.baselineTick() > 1) {
                            catchUp = d;
                        }
                        held = d.tick();
                    }
                }
                assertThat(slow.world.tick()).isEqualTo(catchUp.tick());
                assertThat(slow.world.size()).isEqualTo(2 + 5000);
                assertThat(reader.isClosed()).isFalse();
            }
        }
    }
}
