package dev.arena.loadtest;

import dev.arena.server.protocol.ClientMessage;
import dev.arena.server.protocol.FrameCodec;
import dev.arena.server.protocol.Join;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link BotSocket} relies on in Vert.x's client internals, checked
 * against the real Vert.x client and server on the native transport: a Vert.x
 * upgrade that changes any of it fails here. A whole binary message goes to
 * the bot's reader and not to Vert.x; a message in fragments still goes to
 * Vert.x, which joins them; a frame the bot framed and masked reaches the
 * server as the message it holds; and Vert.x still does the close.
 */
@Timeout(60)
class BotSocketTest {
    private final FrameCodec codec = new FrameCodec();
    private Vertx vertx;
    private WebSocketClient client;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        client = vertx.createWebSocketClient();
    }

    @AfterEach
    void stopVertx() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void wholeMessagesGoToTheBotFragmentsToVertxAndTheBotsFramesToTheServer() throws Exception {
        Promise<ServerWebSocket> accepted = Promise.promise();
        Promise<Buffer> serverGot = Promise.promise();
        HttpServer server = vertx.createHttpServer().webSocketHandler(ws -> {
            ws.binaryMessageHandler(serverGot::tryComplete);
            accepted.complete(ws);
        });
        int port = server.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS).actualPort();

        List<String> toBot = new CopyOnWriteArrayList<>();
        Promise<Void> botGotTwo = Promise.promise();
        Promise<String> vertxGot = Promise.promise();
        Promise<Short> closed = Promise.promise();
        WebSocket ws = client.connect(port, "127.0.0.1", "/ws").await(10, TimeUnit.SECONDS);
        BotSocket socket = BotSocket.attach(ws, (payload, arrival) -> {
            toBot.add(payload.toString(StandardCharsets.US_ASCII));
            if (toBot.size() == 2) {
                botGotTwo.complete();
            }
        });
        ws.binaryMessageHandler(b -> vertxGot.complete(b.toString()));
        ws.closeHandler(x -> closed.complete(ws.closeStatusCode()));
        ServerWebSocket peer = accepted.future().await(10, TimeUnit.SECONDS);

        peer.writeBinaryMessage(Buffer.buffer("whole"));
        peer.writeFrame(WebSocketFrame.binaryFrame(Buffer.buffer("frag"), false));
        peer.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer("ments"), true));
        peer.writeBinaryMessage(Buffer.buffer("again"));
        botGotTwo.future().await(10, TimeUnit.SECONDS);
        assertThat(vertxGot.future().await(10, TimeUnit.SECONDS)).isEqualTo("fragments");
        assertThat(toBot).containsExactly("whole", "again");

        // Written from this thread: Netty hands the write to the socket's loop, as it would a bot's own.
        ClientFrames frames = new ClientFrames(0x0BADCAFE);
        byte[] join = codec.encode((ClientMessage) new Join(null, "bot7"));
        socket.write(frames.message(socket.alloc(), join));
        socket.flush();
        assertThat(serverGot.future().await(10, TimeUnit.SECONDS).getBytes()).isEqualTo(join);

        peer.close((short) 4001, "done");
        assertThat(closed.future().await(10, TimeUnit.SECONDS)).isEqualTo((short) 4001);
    }
}
