package dev.arena.server.support;

import dev.arena.server.protocol.ClientMessage;
import dev.arena.server.protocol.Delta;
import dev.arena.server.protocol.FrameCodec;
import dev.arena.server.protocol.Ping;
import dev.arena.server.protocol.Pong;
import dev.arena.server.protocol.ProtocolVersion;
import dev.arena.server.protocol.Resume;
import dev.arena.server.protocol.ServerMessage;
import dev.arena.server.protocol.Snapshot;
import dev.arena.server.protocol.Welcome;
import dev.arena.server.state.ReplicatedWorld;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.internal.http.WebSocketInternal;
import io.vertx.core.net.PemTrustOptions;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A player speaking the real binary protocol over a real Vert.x WebSocket.
 * Frames are decoded as they arrive; the test thread consumes them in order
 * and rebuilds the room state, so every wait is keyed to a protocol event.
 * Like any real client it answers the server's PINGs at once (the server
 * closes a seated client that does not, with 4010), unless told to
 * {@link #stopAnsweringPings() stop}.
 */
public final class TestClient implements AutoCloseable {
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** Held in a field: Vert.x 5 closes a client that is garbage-collected. */
    private final WebSocketClient client;
    private final WebSocket ws;
    private final FrameCodec inbound = new FrameCodec();
    private final FrameCodec outbound = new FrameCodec();
    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Short> closed = new CompletableFuture<>();
    public final ReplicatedWorld world;
    public Welcome welcome;
    private volatile boolean answerPings = true;

    private TestClient(WebSocketClient client, WebSocket ws, ReplicatedWorld world) {
        this.client = client;
        this.ws = ws;
        this.world = world;
        ws.binaryMessageHandler(frame -> {
            try {
                ServerMessage message = inbound.decodeServer(frame.getBytes());
                if (message instanceof Ping ping && answerPings) {
                    send(new Pong(ping.time()));
                }
                received.add(message);
            } catch (RuntimeException e) {
                received.add(e);
            }
        });
        ws.closeHandler(v -> closed.complete(ws.closeStatusCode()));
    }

    public static TestClient connect(Vertx vertx, int port) throws Exception {
        return connect(vertx, port, new WebSocketClientOptions(), new ReplicatedWorld());
    }

    /** With extra upgrade headers, e.g. the {@code X-Forwarded-For} a trusted proxy would add. */
    public static TestClient connect(Vertx vertx, int port, Map<String, String> headers) throws Exception {
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1 << 20)
                .setMaxMessageSize(1 << 20));
        WebSocketConnectOptions options = new WebSocketConnectOptions().setPort(port).setHost("127.0.0.1").setURI("/ws");
        headers.forEach(options::addHeader);
        WebSocket ws = client.connect(options).await(10, TimeUnit.SECONDS);
        return new TestClient(client, ws, new ReplicatedWorld());
    }

    /**
     * Over wss, trusting only {@code certificatePem}: the handshake fails unless the server
     * presents that certificate. Host names are not checked (tests use 127.0.0.1).
     */
    public static TestClient connectSecure(Vertx vertx, int port, String certificatePem) throws Exception {
        return connect(vertx, port, new WebSocketClientOptions().setSsl(true).setVerifyHost(false)
                .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(certificatePem))), new ReplicatedWorld());
    }

    private static TestClient connect(Vertx vertx, int port, WebSocketClientOptions options, ReplicatedWorld world)
            throws Exception {
        WebSocketClient client = vertx.createWebSocketClient(options.setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 20));
        WebSocket ws = client.connect(port, "127.0.0.1", "/ws").await(10, TimeUnit.SECONDS);
        return new TestClient(client, ws, world);
    }

    /**
     * The player of {@code previous}, back on a new connection: it holds the
     * state {@code previous} applied last, and has sent RESUME with its
     * WELCOME's token and that state's tick. The answer is for the caller to
     * await.
     */
    public static TestClient resume(Vertx vertx, int port, TestClient previous) throws Exception {
        TestClient next = connect(vertx, port, new WebSocketClientOptions(), previous.world);
        next.send(new Resume(ProtocolVersion.CURRENT, previous.welcome.resumeToken(), previous.world.tick()));
        return next;
    }

    /**
     * Cuts the TCP connection without a WebSocket close frame, as a network drop does. The close bypasses the
     * channel's pipeline: through it, Netty's WebSocket handler would send a close frame (1000) first.
     */
    public void drop() {
        var channel = ((WebSocketInternal) ws).channelHandlerContext().channel();
        channel.eventLoop().execute(() -> channel.unsafe().close(channel.voidPromise()));
    }

    public synchronized void send(ClientMessage message) {
        ws.writeBinaryMessage(Buffer.buffer(outbound.encode(message)));
    }

    /** From now on the server's PINGs go unanswered, as from a peer that vanished. */
    public void stopAnsweringPings() {
        answerPings = false;
    }

    /** Sends raw bytes as one binary message. */
    public void sendRaw(byte[] bytes) {
        ws.writeBinaryMessage(Buffer.buffer(bytes));
    }

    public void sendText(String text) {
        ws.writeTextMessage(text);
    }

    /** Sends a pong control frame nobody asked for. */
    public void sendPongFrame() {
        ws.writePong(Buffer.buffer(new byte[] {1}));
    }

    /** The next message of this type, applying every state update on the way. */
    public <T extends ServerMessage> T await(Class<T> type) throws Exception {
        return type.cast(awaitMessage(type::isInstance));
    }

    /** Consumes messages until one matches, applying every state update on the way. */
    public ServerMessage awaitMessage(Predicate<ServerMessage> match) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Object next = received.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("no matching message within " + TIMEOUT
                        + (closed.isDone() ? " (connection closed with " + closed.getNow(null) + ")" : ""));
            }
            if (next instanceof RuntimeException e) {
                throw new AssertionError("the server sent an undecodable frame", e);
            }
            ServerMessage message = (ServerMessage) next;
            if (message instanceof Welcome w) {
                welcome = w;
            }
            world.applyIfUpdate(message);
            if (match.test(message)) {
                return message;
            }
        }
    }

    /** Consumes messages until the rebuilt room state satisfies the condition. */
    public void awaitWorld(Predicate<ReplicatedWorld> condition) throws Exception {
        if (world.tick() >= 0 && condition.test(world)) {
            return;
        }
        awaitMessage(m -> (m instanceof Snapshot || m instanceof Delta) && condition.test(world));
    }

    /** Every message received and not consumed yet, without waiting; state updates are applied. */
    public java.util.List<ServerMessage> drain() {
        java.util.List<ServerMessage> out = new java.util.ArrayList<>();
        for (Object next; (next = received.poll()) != null; ) {
            if (next instanceof RuntimeException e) {
                throw new AssertionError("the server sent an undecodable frame", e);
            }
            if (next instanceof Welcome w) {
                welcome = w;
            }
            world.applyIfUpdate((ServerMessage) next);
            out.add((ServerMessage) next);
        }
        return out;
    }

    /** The reason text of the server's close frame, once closed (null before). */
    public String closeReason() {
        return closed.isDone() ? ws.closeReason() : null;
    }

    /** Waits for the server to close the connection and returns its close code. */
    public int awaitClose() throws Exception {
        return closed.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            ws.close();
        }
        client.close();
    }
}
