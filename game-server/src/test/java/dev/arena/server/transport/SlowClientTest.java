package dev.arena.server.transport;

import dev.arena.server.protocol.ClientMessage;
import dev.arena.server.protocol.CloseCodes;
import dev.arena.server.protocol.Delta;
import dev.arena.server.protocol.ErrorMessage;
import dev.arena.server.protocol.FrameCodec;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.ServerMessage;
import dev.arena.server.protocol.Snapshot;
import dev.arena.server.protocol.Welcome;
import dev.arena.server.support.RawWebSocket;
import dev.arena.server.support.TestClient;
import dev.arena.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Clients that stop reading, on real TCP sockets with a small receive buffer
 * (so the server's writes back up for real): a seated one is closed with
 * 4002 (counted as {@code too_slow} when the server decides) within
 * {@code session.tooSlowMillis} + 2 s, a hundred of them cost the
 * heap no more than their write queues, and a client that reads meanwhile
 * gets every update the room sends. A lobby client whose answers back up
 * is closed too.
 */
class SlowClientTest {
    private static final int TOO_SLOW_MILLIS = 1000;
    private static final int STALLED = 100;
    private static final int RECEIVE_BUFFER = 4096;
    private static final long BOUND_NANOS = (TOO_SLOW_MILLIS + 2000) * 1_000_000L;

    private final FrameCodec codec = new FrameCodec();

    @Test
    @Timeout(120)
    void aHundredStalledPlayersAreClosedAsTooSlowWithBoundedHeapWhileAReaderKeepsUp() throws Exception {
        // 5000 moving orbs: every update is some 15 KB, so a socket that is not read backs up within a second
        // (session.sendBufferBytes keeps the kernel from absorbing megabytes first).
        // Every socket comes from 127.0.0.1: the per-address cap (32 by default) must let a hundred in.
        try (TestServer server = TestServer.start(Map.of("room.capacity", "200", "arena.orbs", "5000",
                "session.tooSlowMillis", String.valueOf(TOO_SLOW_MILLIS), "http.maxConnectionsPerIp", "1000"));
             TestClient reader = TestClient.connect(server.vertx, server.port())) {
            reader.send(new Join(null, "reader"));
            String room = reader.await(Welcome.class).roomId();
            reader.await(Snapshot.class);
            List<RawWebSocket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < STALLED; i++) {
                    stalled.add(RawWebSocket.connect(server.port(), RECEIVE_BUFFER));
                }
                long heapBefore = usedHeapAfterGc();
                // Each joins, and reads nothing from then on: seated, it never takes its WELCOME or any state.
                long firstStalled = System.nanoTime();
                for (int i = 0; i < STALLED; i++) {
                    stalled.get(i).write(frame(new Join(room, "stalled" + i)));
                }

                // The reader is never skipped: each of its deltas starts from the state before it.
                long maxHeap = 0;
                int deltas = 0;
                int previousTick = reader.world.tick();
                while (server.counter("arena.connections.closed", "reason", "too_slow") < STALLED) {
                    assertThat(System.nanoTime() - firstStalled).as("all %d closed in time; closed so far: %s", STALLED,
                            server.counter("arena.connections.closed", "reason", "too_slow")).isLessThan(2 * BOUND_NANOS);
                    Delta delta = reader.await(Delta.class);
                    assertThat(delta.baselineTick()).as("the reader's delta %d starts where the last ended", delta.tick())
                            .isEqualTo(previousTick);
                    previousTick = delta.tick();
                    deltas++;
                    if (deltas % 10 == 0) {
                        maxHeap = Math.max(maxHeap, usedHeapAfterGc());
                    }
                }
                long allClosed = System.nanoTime();
                maxHeap = Math.max(maxHeap, usedHeapAfterGc());
                assertThat(allClosed - firstStalled).as("every stalled player closed within tooSlowMillis + 2 s of"
                        + " the first one's stall (ms)").isLessThanOrEqualTo(BOUND_NANOS);
                assertThat(deltas).as("updates the reader got meanwhile").isGreaterThan(5);
                long bound = (long) STALLED * (server.config.session().writeQueueMaxBytes() + 16 * 1024);
                assertThat(maxHeap - heapBefore).as("heap growth with %d stalled sockets, bound %d", STALLED, bound)
                        .isLessThan(bound);

                // Each stalled socket, read at last: WELCOME, its first state and more, then the end.
                for (RawWebSocket socket : stalled) {
                    assertThat(next(socket)).isInstanceOf(Welcome.class);
                    assertThat(next(socket)).isInstanceOf(Snapshot.class);
                    assertEndsAsTooSlow(socket);
                }
                assertThat(reader.isClosed()).isFalse();
            } finally {
                for (RawWebSocket socket : stalled) {
                    socket.close();
                }
            }
        }
    }

    @Test
    @Timeout(60)
    void aLobbyClientThatFloodsRefusedJoinsAndReadsNothingIsClosedAsTooSlow() throws Exception {
        try (TestServer server = TestServer.start(Map.of("session.maxMessagesPerSecond", "10000",
                "session.tooSlowMillis", String.valueOf(TOO_SLOW_MILLIS)));
             RawWebSocket flooder = RawWebSocket.connect(server.port(), RECEIVE_BUFFER)) {
            // 8,000 JOINs the server refuses (the name is too long), in one write and within the rate limit:
            // the refusals back up, as nothing is read, and the client never takes a seat.
            ByteArrayOutputStream burst = new ByteArrayOutputStream();
            for (int i = 0; i < 8_000; i++) {
                burst.writeBytes(frame(new Join(null, "a name far too long to be accepted " + i)));
            }
            long start = System.nanoTime();
            flooder.write(burst.toByteArray());
            await("the flooder closed as too slow").atMost(Duration.ofNanos(BOUND_NANOS)).pollInterval(Duration.ofMillis(10))
                    .until(() -> server.counter("arena.connections.closed", "reason", "too_slow") == 1);
            assertThat(System.nanoTime() - start).as("closed within tooSlowMillis + 2 s (ns)").isLessThan(BOUND_NANOS);
            assertEndsAsTooSlow(flooder);
        }
    }

    private byte[] frame(ClientMessage message) {
        return RawWebSocket.frame(RawWebSocket.OP_BINARY, codec.encode(message));
    }

    private ServerMessage next(RawWebSocket socket) throws Exception {
        RawWebSocket.Frame frame;
        do {
            frame = socket.read();
            assertThat(frame).as("a frame before the end").isNotNull();
        } while (frame.opcode() != RawWebSocket.OP_BINARY);
        return codec.decodeServer(frame.payload());
    }

    /**
     * Reads a socket the server closed as too slow to its end: ERROR 4002 and a close frame with 4002, or,
     * when the client took longer to read than the server's WebSocket closing timeout, the end of the TCP
     * stream (the server dropped what it had not written yet, close frame included). Anything else fails.
     */
    private void assertEndsAsTooSlow(RawWebSocket socket) throws Exception {
        int error = 0;
        RawWebSocket.Frame frame;
        while ((frame = socket.read()) != null && frame.opcode() != RawWebSocket.OP_CLOSE) {
            if (frame.opcode() == RawWebSocket.OP_BINARY && codec.decodeServer(frame.payload()) instanceof ErrorMessage e) {
                error = e.code();
            }
        }
        if (frame != null) {
            assertThat(frame.closeCode()).as("the close frame's code").isEqualTo(CloseCodes.TOO_SLOW);
            assertThat(error).as("the ERROR before the close").isEqualTo(CloseCodes.TOO_SLOW);
        } else if (error != 0) {
            assertThat(error).as("the ERROR before the end").isEqualTo(CloseCodes.TOO_SLOW);
        }
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
