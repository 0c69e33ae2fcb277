package dev.arena.server.transport;

import dev.arena.server.protocol.CloseCodes;
import dev.arena.server.protocol.Delta;
import dev.arena.server.protocol.ErrorMessage;
import dev.arena.server.protocol.GameMessage;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.PayloadWriter;
import dev.arena.server.protocol.ProtocolVersion;
import dev.arena.server.protocol.Ping;
import dev.arena.server.protocol.Snapshot;
import dev.arena.server.protocol.Welcome;
import dev.arena.server.support.RawWebSocket;
import dev.arena.server.support.TestClient;
import dev.arena.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each kind of bad input closes only the connection that sent it, with the
 * close code of PROTOCOL.md and a counted reason; another player in the same
 * room keeps receiving updates and sees the offender leave. The socket's own
 * limits are checked here; the codec's many malformed-frame cases are
 * {@code protocol.FrameCodecTest}'s.
 */
class BadInputTest {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Map.of("http.maxFrameBytes", "256", "session.maxMessagesPerSecond", "40"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static Stream<Arguments> badFrames() {
        // One frame the codec refuses, the empty one (a zero-length WebSocket payload) and one the session
        // refuses; every other malformed frame is FrameCodecTest's, without a socket.
        return Stream.of(
                Arguments.of("unknown tag", "7f00", CloseCodes.PROTOCOL_ERROR, "unknown_tag"),
                Arguments.of("empty message", "", CloseCodes.PROTOCOL_ERROR, "empty"),
                Arguments.of("name of a lone surrogate", "0102808082eda0bd", CloseCodes.PROTOCOL_ERROR, "bad_string"),
                Arguments.of("second join while playing", "0180616eee", CloseCodes.PROTOCOL_ERROR, "bad_state"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFrames")
    void aBadFrameClosesOnlyItsSender(String description, String hex, int code, String reason) throws Exception {
        checkOffender(offender -> offender.sendRaw(HexFormat.of().parseHex(hex)), code, reason);
    }

    @Test
    void aTextMessageIsUnsupportedData() throws Exception {
        checkOffender(offender -> offender.sendText("{\"type\":\"join\"}"), CloseCodes.UNSUPPORTED_DATA, "text");
    }

    @Test
    void aMessageOverTheSizeLimitIsTooBig() throws Exception {
        checkOffender(offender -> offender.sendRaw(new byte[300]), CloseCodes.MESSAGE_TOO_BIG, "too_big");
    }

    @Test
    void aMessageFarOverTheLimitIsCutOffAndCounted() throws Exception {
        double before = server.counter("arena.frames.rejected", "reason", "too_big");
        try (TestClient offender = TestClient.connect(server.vertx, server.port())) {
            offender.sendRaw(new byte[5000]);
            assertThat(offender.awaitClose()).isIn(CloseCodes.MESSAGE_TOO_BIG, 1006);
        }
        assertThat(server.counter("arena.frames.rejected", "reason", "too_big")).isEqualTo(before + 1);
    }

    @Test
    void tooManyMessagesInOneSecondIsAPolicyViolation() throws Exception {
        checkOffender(offender -> {
            for (int i = 0; i < 60; i++) {
                offender.send(new Ping(i));
            }
        }, CloseCodes.POLICY_VIOLATION, "rate_limited");
    }

    @Test
    void pingControlFramesCountAgainstTheRateLimit() throws Exception {
        double before = server.counter("arena.frames.rejected", "reason", "rate_limited");
        int limit = server.config.session().maxMessagesPerSecond();
        try (RawWebSocket flooder = RawWebSocket.connect(server.port())) {
            ByteArrayOutputStream burst = new ByteArrayOutputStream();
            for (int i = 0; i < 150; i++) {
                burst.writeBytes(RawWebSocket.frame(RawWebSocket.OP_PING, new byte[] {(byte) i}));
            }
            flooder.write(burst.toByteArray());

            int pongs = 0;
            RawWebSocket.Frame frame;
            while ((frame = flooder.read()) != null && frame.opcode() != RawWebSocket.OP_CLOSE) {
                if (frame.opcode() == RawWebSocket.OP_PONG) {
                    pongs++;
                }
            }
            assertThat(frame).as("a close frame after the pongs").isNotNull();
            assertThat(frame.closeCode()).isEqualTo(CloseCodes.POLICY_VIOLATION);
            // Vert.x answers a ping before the server sees it, so the ping that breaks the limit is answered too.
            assertThat(pongs).as("pongs before the close").isBetween(limit, limit + 1);
        }
        assertThat(server.counter("arena.frames.rejected", "reason", "rate_limited")).isEqualTo(before + 1);
    }

    @Test
    void unaskedPongControlFramesCountAgainstTheRateLimit() throws Exception {
        checkOffender(offender -> {
            for (int i = 0; i < 60; i++) {
                offender.sendPongFrame();
            }
        }, CloseCodes.POLICY_VIOLATION, "rate_limited");
    }

    @Test
    void refusedJoinAttemptsCountAgainstTheRateLimit() throws Exception {
        // A refused JOIN leaves the client in the lobby, free to try again at once: each try is a message.
        double refused = server.counter("arena.joins.refused", "reason", "bad_request");
        double before = server.counter("arena.frames.rejected", "reason", "rate_limited");
        try (TestClient knocker = TestClient.connect(server.vertx, server.port())) {
            for (int i = 0; i < 60; i++) {
                knocker.send(new Join(null, "a name far too long to be accepted"));
            }
            assertThat(knocker.awaitClose()).isEqualTo(CloseCodes.POLICY_VIOLATION);
        }
        assertThat(server.counter("arena.frames.rejected", "reason", "rate_limited")).isEqualTo(before + 1);
        assertThat(server.counter("arena.joins.refused", "reason", "bad_request") - refused)
                .as("joins refused before the limit").isEqualTo(server.config.session().maxMessagesPerSecond());
    }

    @Test
    void aChatLineOverTheGamesLimitClosesOnlyItsSenderAndTheRoomGoesOn() throws Exception {
        String tooLong = "x".repeat(server.config.game("arena").settings().integer("chatMaxLength") + 1);
        checkOffender(offender -> offender.send(new GameMessage(1, new PayloadWriter().string(tooLong).toBytes())),
                CloseCodes.PROTOCOL_ERROR, "string_too_long");
    }

    @Test
    void aGameMessageWithBytesAfterItsPayloadClosesOnlyItsSender() throws Exception {
        checkOffender(offender -> offender.send(new GameMessage(1, new PayloadWriter().string("hi").varint(1).toBytes())),
                CloseCodes.PROTOCOL_ERROR, "trailing_bytes");
    }

    @Test
    void aGameMessageBeforeJoiningIsAProtocolError() throws Exception {
        double before = server.counter("arena.frames.rejected", "reason", "bad_state");
        try (TestClient lobby = TestClient.connect(server.vertx, server.port())) {
            lobby.send(new GameMessage(1, new byte[0]));
            assertThat(lobby.awaitClose()).isEqualTo(CloseCodes.PROTOCOL_ERROR);
        }
        assertThat(server.counter("arena.frames.rejected", "reason", "bad_state")).isEqualTo(before + 1);
    }

    @Test
    void aJoinOfAnotherProtocolVersionIsToldBothVersionsAndClosedWith4011() throws Exception {
        double before = server.counter("arena.connections.closed", "reason", "version_mismatch");
        try (TestClient old = TestClient.connect(server.vertx, server.port())) {
            // A version-1 client's quick-join as "ann" (PROTOCOL.md version 1): no version field.
            old.sendRaw(HexFormat.of().parseHex("0180616eee"));
            ErrorMessage error = old.await(ErrorMessage.class);
            assertThat(error.code()).isEqualTo(CloseCodes.VERSION_MISMATCH);
            assertThat(error.message()).contains("version " + ProtocolVersion.CURRENT).contains("version 12416");
            assertThat(old.awaitClose()).isEqualTo(CloseCodes.VERSION_MISMATCH);
        }
        try (TestClient future = TestClient.connect(server.vertx, server.port())) {
            future.send(new Join(3, "arena", null, "zed", 0, null));
            assertThat(future.await(ErrorMessage.class).message()).contains("version 2").contains("version 3");
            assertThat(future.awaitClose()).isEqualTo(CloseCodes.VERSION_MISMATCH);
        }
        assertThat(server.counter("arena.connections.closed", "reason", "version_mismatch")).isEqualTo(before + 2);
    }

    @Test
    void anInputBeforeJoiningIsAProtocolError() throws Exception {
        try (TestClient lobby = TestClient.connect(server.vertx, server.port())) {
            lobby.sendRaw(HexFormat.of().parseHex("02010000803f0000000000"));
            assertThat(lobby.awaitClose()).isEqualTo(CloseCodes.PROTOCOL_ERROR);
        }
    }

    private void checkOffender(ThrowingConsumer<TestClient> misbehave, int code, String reason) throws Exception {
        double rejectedBefore = server.counter("arena.frames.rejected", "reason", reason);
        try (TestClient bystander = TestClient.connect(server.vertx, server.port());
             TestClient offender = TestClient.connect(server.vertx, server.port())) {
            bystander.send(new Join(null, "bystander"));
            String room = bystander.await(Welcome.class).roomId();
            bystander.await(Snapshot.class);
            offender.send(new Join(room, "offender"));
            int offenderId = offender.await(Welcome.class).playerId();
            bystander.awaitWorld(w -> w.get(offenderId) != null);

            misbehave.accept(offender);

            assertThat(offender.awaitClose()).as("close code").isEqualTo(code);
            bystander.awaitWorld(w -> w.get(offenderId) == null);
            int tick = bystander.world.tick();
            for (int i = 0; i < 3; i++) {
                bystander.await(Delta.class);
            }
            assertThat(bystander.world.tick()).isGreaterThan(tick);
            assertThat(bystander.isClosed()).isFalse();
        }
        assertThat(server.counter("arena.frames.rejected", "reason", reason)).isEqualTo(rejectedBefore + 1);
    }

    @FunctionalInterface
    interface ThrowingConsumer<T> {
        void accept(T t) throws Exception;
    }
}
