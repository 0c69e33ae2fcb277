package dev.arena.server.transport;

import dev.arena.server.state.WireFrame;
import dev.arena.server.support.RawWebSocket;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What {@link NettySocket} relies on in Vert.x's internals, checked against
 * the real Vert.x on the production transport with a raw TCP client: a
 * Vert.x upgrade that changes any of it fails here, with the reason, before
 * it can reach a server. Frames written below Vert.x arrive byte for byte
 * and in order with Vert.x's own close frame; the write-queue size is the
 * channel's water marks; a socket that stops reading shows as congested and
 * tells when it drains.
 */
@Timeout(60)
class NettySocketTest {
    private Vertx vertx;
    private HttpServer server;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    }

    @AfterEach
    void stopVertx() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    /**
     * A WebSocket server on a free loopback port that upgrades {@code /ws}
     * through a vertx-web router, as the game server does, and hands each
     * socket, with the channel found through its request's connection, to
     * {@code onSocket} on its event loop.
     * With a small kernel send buffer, as the game server's
     * {@code session.sendBufferBytes}, so a client that does not read backs
     * the queue up soon.
     */
    private int serve(BiConsumer<ServerWebSocket, NettySocket> onSocket) throws Exception {
        Router router = Router.router(vertx);
        router.route("/ws").handler(ctx -> ctx.request().toWebSocket()
                .onSuccess(ws -> onSocket.accept(ws, NettySocket.of(ctx.request().connection()))));
        server = vertx.createHttpServer(new HttpServerOptions().setSendBufferSize(8192)).requestHandler(router);
        return server.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS).actualPort();
    }

    private static byte[] payload(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void framesWrittenBelowVertxArriveByteForByteThenVertxsCloseFrame() throws Exception {
        WireFrame small = WireFrame.of(payload(40, 1));
        WireFrame large = WireFrame.of(payload(3_000, 2));
        Promise<Boolean> onItsLoop = Promise.promise();
        int port = serve((ws, socket) -> {
            onItsLoop.complete(socket.eventLoop().inEventLoop());
            socket.write(small.retainedFrame());
            socket.write(large.retainedFrame());
            socket.flush();
            ws.close((short) 4000, "bye");
        });
        try (RawWebSocket client = RawWebSocket.connect(port)) {
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            expected.writeBytes(small.bytes());
            expected.writeBytes(large.bytes());
            assertThat(client.readBytes(expected.size())).isEqualTo(expected.toByteArray());
            RawWebSocket.Frame close = client.read();
            assertThat(close.opcode()).isEqualTo(RawWebSocket.OP_CLOSE);
            assertThat(close.closeCode()).isEqualTo(4000);
        }
        assertThat(onItsLoop.future().result()).as("Vert.x's handlers run on the socket's event loop").isTrue();
    }

    @Test
    void aSocketThatStopsReadingIsCongestedPastTheWriteQueueSizeAndSaysWhenItDrains() throws Exception {
        int queueBytes = 16 * 1024;
        WireFrame chunk = WireFrame.of(payload(1_000, 3));
        Promise<NettySocket> congested = Promise.promise();
        Promise<Boolean> drained = Promise.promise();
        int port = serve((ws, socket) -> {
            ws.setWriteQueueMaxSize(queueBytes);
            socket.onDrained(() -> drained.tryComplete(socket.congested()));
            // Far more than the client's small receive buffer, the kernel's send buffer and the queue hold.
            for (int i = 0; i < 2_000 && !socket.congested(); i++) {
                socket.write(chunk.retainedFrame());
                socket.flush();
            }
            congested.complete(socket);
        });
        try (RawWebSocket client = RawWebSocket.connect(port, 4096)) {
            NettySocket socket = congested.future().await(10, TimeUnit.SECONDS);
            assertThat(socket.congested()).as("over the queue size: the client reads nothing").isTrue();
            assertThat(drained.future().isComplete()).isFalse();
            while (!drained.future().isComplete()) {
                assertThat(client.read().payload()).isEqualTo(chunk.payload());
            }
            assertThat(drained.future().result()).as("congested when it said it drained").isFalse();
            assertThat(socket.congested()).isFalse();
        }
    }

    @Test
    void aCongestedSocketThatClosesIsNoLongerCongested() throws Exception {
        WireFrame chunk = WireFrame.of(payload(1_000, 5));
        Promise<NettySocket> congested = Promise.promise();
        int port = serve((ws, socket) -> {
            ws.setWriteQueueMaxSize(16 * 1024);
            for (int i = 0; i < 2_000 && !socket.congested(); i++) {
                socket.write(chunk.retainedFrame());
                socket.flush();
            }
            congested.complete(socket);
        });
        NettySocket socket;
        try (RawWebSocket client = RawWebSocket.connect(port, 4096)) {
            socket = congested.future().await(10, TimeUnit.SECONDS);
            assertThat(socket.congested()).isTrue();
            assertThat(socket.isOpen()).isTrue();
        }
        // The client's close reaches the server's event loop in its own time.
        await().atMost(Duration.ofSeconds(5)).until(() -> !socket.isOpen());
        assertThat(socket.congested()).as("closed is not congested: rooms skip it without counting it too slow").isFalse();
    }

    @Test
    void wholeBinaryMessagesAreReadBelowVertxAndEveryOtherFrameStillReachesVertxInOrder() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        Promise<Boolean> onItsLoop = Promise.promise();
        Promise<Void> lastRead = Promise.promise();
        int port = serve((ws, socket) -> {
            socket.onWholeBinaryMessages(payload -> {
                onItsLoop.tryComplete(socket.eventLoop().inEventLoop());
                String text = payload.toString(StandardCharsets.UTF_8);
                received.add("below:" + text);
                if (text.equals("five")) {
                    lastRead.complete();
                }
            });
            ws.binaryMessageHandler(message -> received.add("vertx:" + message));
            ws.textMessageHandler(text -> received.add("text:" + text));
            ws.frameHandler(frame -> {
                if (frame.type() == WebSocketFrameType.PING) {
                    received.add("ping");
                }
            });
        });
        try (RawWebSocket client = RawWebSocket.connect(port)) {
            ByteArrayOutputStream frames = new ByteArrayOutputStream();
            frames.writeBytes(RawWebSocket.frame(RawWebSocket.OP_BINARY, ascii("one")));
            // A fragmented message with a ping between its fragments.
            frames.writeBytes(RawWebSocket.frame(RawWebSocket.OP_BINARY, ascii("tw"), false));
            frames.writeBytes(RawWebSocket.frame(RawWebSocket.OP_PING, ascii("p")));
            frames.writeBytes(RawWebSocket.frame(RawWebSocket.OP_CONTINUATION, ascii("o"), true));
            frames.writeBytes(RawWebSocket.frame(RawWebSocket.OP_BINARY, ascii("three")));
            frames.writeBytes(RawWebSocket.frame(RawWebSocket.OP_TEXT, ascii("four")));
            frames.writeBytes(RawWebSocket.frame(RawWebSocket.OP_BINARY, ascii("five")));
            client.write(frames.toByteArray());
            RawWebSocket.Frame pong = client.read();
            assertThat(pong.opcode()).as("Vert.x still answers pings").isEqualTo(RawWebSocket.OP_PONG);
            // Everything runs on the socket's loop in arrival order: the last frame read means all were.
            lastRead.future().await(10, TimeUnit.SECONDS);
        }
        assertThat(received).containsExactly("below:one", "ping", "vertx:two", "below:three", "text:four", "below:five");
        assertThat(onItsLoop.future().result()).as("read on the socket's event loop").isTrue();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
