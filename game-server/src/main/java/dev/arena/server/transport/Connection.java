package dev.arena.server.transport;

import dev.arena.server.config.SessionConfig;
import dev.arena.server.metrics.GameMetrics;
import dev.arena.server.protocol.ClientMessage;
import dev.arena.server.protocol.CloseCodes;
import dev.arena.server.protocol.CloseReason;
import dev.arena.server.protocol.ErrorMessage;
import dev.arena.server.protocol.FrameCodec;
import dev.arena.server.protocol.InputFields;
import dev.arena.server.protocol.Pong;
import dev.arena.server.protocol.ProtocolException;
import dev.arena.server.protocol.ServerMessage;
import dev.arena.server.state.WireFrame;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.internal.ContextInternal;

/**
 * One player's WebSocket, the socket side of a session: it installs the
 * socket's handlers, enforces the inbound limits (message size, no text,
 * {@link RateGuard} over messages and ping/pong control frames), decodes frames, keeps the {@link Heartbeat}, writes
 * frames and closes with a counted {@link CloseReason}. What a JOIN, INPUT or
 * LEAVE means is its {@link Listener}'s business (a {@link PlayerSession}).
 *
 * <p>Bad input closes this connection alone, with the code of PROTOCOL.md
 * and a counted reason. A socket that stays congested for
 * {@code session.tooSlowMillis} is closed with 4002 whether or not it is in a
 * room (a room sees its own frames back up; here, the connection's own
 * answers do), and a seated peer that answers no PING is closed with 4010.
 * Runs on the event loop of the HTTP verticle that accepted the socket;
 * {@link #write}, {@link #flush}, {@link #writeQueueFull} and
 * {@link #closeWithError} may be called from any thread.
 *
 * <p>Frames go out pre-framed ({@link WireFrame}) straight to the socket's
 * Netty channel ({@link NettySocket}), not through Vert.x's per-message
 * write: a room's frames wait in the event loop's {@link LoopOutbox} until
 * the room flushes, and this connection's own messages (PING, PONG, ERROR)
 * are written and flushed at once, on its event loop.
 */
final class Connection implements LoopOutbox.Target {
    /** The status Vert.x gives a socket that closed without a close frame (never on the wire). */
    private static final int NO_CLOSE_FRAME = 1006;

    /** Where decoded messages go. Called on this connection's event loop. */
    interface Listener {
        /**
         * A JOIN, INPUT or LEAVE (anything but PING and PONG), in arrival order.
         *
         * @param arrivalNanos {@link System#nanoTime()} when its frame arrived
         */
        void onMessage(ClientMessage message, long arrivalNanos);

        /**
         * An INPUT, in arrival order with the other messages, decoded without a message object.
         *
         * @param input        valid during this call only: the connection reads the next INPUT into it
         * @param arrivalNanos {@link System#nanoTime()} when its frame arrived
         */
        void onInput(InputFields input, long arrivalNanos);

        /** The connection is closing or has closed, for {@code reason}; no message follows. Called once. */
        void onClosed(CloseReason reason);
    }

    private final ContextInternal context;
    private final ServerWebSocket ws;
    private final NettySocket socket;
    private final LoopOutbox outbox;
    private final FrameCodec codec;
    private final SessionConfig config;
    private final int maxFrameBytes;
    private final GameMetrics metrics;
    private final Runnable onEnd;
    private final ConnectionStats stats;
    private final Heartbeat heartbeat;
    private final RateGuard rate;
    private final Vertx vertx;
    private final long tooSlowMillis;
    /** {@link #onBinary}, made once: a method reference per frame would be an allocation per frame. */
    private final Handler<ByteBuf> binaryHandler = this::onBinary;
    /** Every INPUT of this connection is read into this one holder, on its event loop. */
    private final InputFields inputFields = new InputFields();
    private Listener listener;
    private boolean closing;
    private CloseReason closeReason;
    /** Checks, once, whether a socket a send found congested still is after {@code session.tooSlowMillis}. */
    private long congestionTimer = -1;
    /** Frames were written since the last flush. The event loop's. */
    private boolean unflushed;

    /**
     * @param socket the Netty channel under {@code ws}
     * @param outbox where rooms' frames for the sockets of {@code socket}'s event loop wait
     * @param stats  what operators see of it: its client address, and its traffic and round trip from now on
     * @param onEnd  runs once the socket has closed and been counted
     */
    Connection(Vertx vertx, ServerWebSocket ws, NettySocket socket, LoopOutbox outbox, FrameCodec codec,
               SessionConfig config, int maxFrameBytes, GameMetrics metrics, ConnectionStats stats, Runnable onEnd) {
        this.context = (ContextInternal) vertx.getOrCreateContext();
        this.ws = ws;
        this.socket = socket;
        this.outbox = outbox;
        this.codec = codec;
        this.config = config;
        this.maxFrameBytes = maxFrameBytes;
        this.metrics = metrics;
        this.onEnd = onEnd;
        this.stats = stats;
        this.heartbeat = new Heartbeat(vertx, config.pingIntervalMillis(), config.pongTimeoutMillis(), this::send,
                () -> closeWithError(CloseReason.PEER_TIMEOUT, "no PONG to the server's PINGs for "
                        + config.pongTimeoutMillis() + " ms"), metrics, stats);
        this.rate = new RateGuard(config.maxMessagesPerSecond());
        this.vertx = vertx;
        this.tooSlowMillis = config.tooSlowMillis();
    }

    /** Installs the socket's handlers; messages go to {@code listener} from now on. */
    void start(Listener listener) {
        this.listener = listener;
        metrics.connectionOpened();
        ws.setWriteQueueMaxSize(config.writeQueueMaxBytes());
        // A message in one frame (all our clients send) comes below Vert.x, in fragments through Vert.x's aggregator.
        socket.onWholeBinaryMessages(this::onWholeMessage);
        ws.binaryMessageHandler(this::onFragmentedMessage);
        ws.textMessageHandler(text -> reject(new ProtocolException(CloseReason.TEXT,
                "text messages are not supported: send binary frames")));
        ws.frameHandler(this::onFrame);
        ws.exceptionHandler(this::onException);
        ws.closeHandler(v -> onSocketClosed());
        // Drained before the check: the socket was not congested all along.
        socket.onDrained(() -> {
            vertx.cancelTimer(congestionTimer);
            congestionTimer = -1;
        });
        heartbeat.start();
    }

    /** A message that came in one frame, from Netty's buffer (the caller's); on the event loop, outside Vert.x. */
    private void onWholeMessage(ByteBuf frame) {
        // In the connection's Vert.x context, as Vert.x's own handlers run: what a message does (a JOIN's request
        // on the event bus, a close) must answer on this context.
        context.dispatch(frame, binaryHandler);
    }

    /** A message that came in fragments, reassembled by Vert.x: rare, so the copy does not matter. */
    private void onFragmentedMessage(Buffer message) {
        onBinary(Unpooled.wrappedBuffer(message.getBytes()));
    }

    private void onBinary(ByteBuf frame) {
        long arrival = System.nanoTime();
        int length = frame.readableBytes();
        metrics.frameReceived(length);
        stats.received(length);
        if (closing) {
            return;
        }
        if (length > maxFrameBytes) {
            reject(new ProtocolException(CloseReason.TOO_BIG,
                    "message of " + length + " bytes, at most " + maxFrameBytes));
            return;
        }
        if (!admit(arrival)) {
            return;
        }
        ClientMessage message = null;
        boolean input;
        try {
            input = codec.decodeInput(frame, inputFields);
            if (!input) {
                message = codec.decodeClient(frame);
            }
        } catch (ProtocolException e) {
            reject(e);
            return;
        }
        if (input) {
            listener.onInput(inputFields, arrival);
            return;
        }
        if (!heartbeat.handle(message)) {
            listener.onMessage(message, arrival);
        }
    }

    /**
     * Every frame, before reassembly; only ping and pong control frames matter here. Vert.x answers a
     * ping with a pong before this runs (it cannot be turned off), so a ping flood is stopped by
     * counting control frames against the message rate: one past the limit closes the connection.
     */
    private void onFrame(WebSocketFrame frame) {
        WebSocketFrameType type = frame.type();
        if ((type == WebSocketFrameType.PING || type == WebSocketFrameType.PONG) && !closing) {
            admit(System.nanoTime());
        }
    }

    /** Counts a message against the rate limit; closes the connection when it is one too many. */
    private boolean admit(long nowNanos) {
        if (rate.tryAcquire(nowNanos)) {
            return true;
        }
        reject(new ProtocolException(CloseReason.RATE_LIMITED,
                "more than " + rate.limit() + " messages in one second"));
        return false;
    }

    private void onException(Throwable e) {
        // Netty's decoder refused a frame and closes the socket itself; count it under our reason.
        if (e instanceof CorruptedWebSocketFrameException corrupted) {
            CloseReason reason = corrupted.closeStatus().code() == CloseCodes.MESSAGE_TOO_BIG
                    ? CloseReason.TOO_BIG : CloseReason.BAD_FRAME;
            metrics.frameRejected(reason);
            closeReason = reason;
        }
    }

    private void onSocketClosed() {
        Short peerCode = ws.closeStatusCode();
        // Vert.x reports a connection that ended without a close frame as 1006, a code no endpoint may send
        // (RFC 6455, 7.4.1): that is a drop, not the client's close.
        boolean dropped = peerCode == null || peerCode == NO_CLOSE_FRAME;
        CloseReason reason = closeReason != null ? closeReason : dropped ? CloseReason.ABNORMAL : CloseReason.CLIENT_CLOSED;
        end(reason);
        metrics.connectionEnded();
        onEnd.run();
    }

    /** Refuses a frame: counted, then the connection is closed with the frame's reason. */
    void reject(ProtocolException e) {
        metrics.frameRejected(e.reason());
        close(e.reason(), e.getMessage());
    }

    /** Closes with {@code reason}, after an ERROR for application codes; callable from any thread. */
    void closeWithError(CloseReason reason, String message) {
        context.runOnContext(v -> {
            if (!closing) {
                // ERROR carries application codes only; a standard close code speaks for itself.
                if (reason.sendsError()) {
                    send(new ErrorMessage(reason.code(), message));
                }
                close(reason, message);
            }
        });
    }

    /**
     * Sends ERROR 4007 and closes with 1001 because the server stops; call on this connection's event loop.
     *
     * @return completes when the connection is closed
     */
    Future<Void> goAway() {
        if (closing) {
            return Future.succeededFuture();
        }
        send(new ErrorMessage(CloseCodes.SHUTTING_DOWN, "the server is shutting down"));
        return close(CloseReason.GOING_AWAY, "the server is shutting down");
    }

    private Future<Void> close(CloseReason reason, String message) {
        if (closing) {
            return Future.succeededFuture();
        }
        if (closeReason == null) {
            // A frame Netty refused was counted first: its reason stays the connection's.
            closeReason = reason;
        }
        Future<Void> closed = ws.close((short) reason.code(), CloseText.fit(message));
        end(closeReason);
        return closed;
    }

    /** Stops the timers and tells the listener, once, whichever of our close or the socket's comes first. */
    private void end(CloseReason reason) {
        if (!closing) {
            closing = true;
            // Counted when the close begins: a congested socket's TCP connection may linger until the client
            // reads its close frame or Vert.x's closing timeout passes, but the decision is made now.
            metrics.connectionClosed(reason);
            heartbeat.stop();
            vertx.cancelTimer(congestionTimer);
            listener.onClosed(reason);
        }
    }

    /** What operators see of this connection; any thread. */
    ConnectionStats stats() {
        return stats;
    }

    /** Starts (seated) or stops closing the peer when it answers no PING; on this connection's event loop. */
    void watchPeer(boolean on) {
        heartbeat.watch(on);
    }

    /**
     * Encodes and writes one message; on this connection's event loop. To a
     * congested socket a PONG is dropped (a client that floods PINGs and reads
     * nothing must not grow the queue), and a socket that stays congested for
     * {@code session.tooSlowMillis} after a send found it so (it never drains
     * meanwhile) is closed with 4002, in a room or not.
     */
    void send(ServerMessage message) {
        if (closing || !socket.isOpen()) {
            return;
        }
        if (socket.congested()) {
            watchCongestion();
            if (message instanceof Pong) {
                return;
            }
        }
        byte[] bytes = codec.encode(message);
        metrics.frameSent(bytes.length);
        stats.sent(bytes.length);
        socket.write(WireFrame.of(bytes).retainedFrame());
        socket.flush();
    }

    private void watchCongestion() {
        if (congestionTimer >= 0 || closing) {
            return;
        }
        congestionTimer = vertx.setTimer(tooSlowMillis, id -> {
            congestionTimer = -1;
            if (!closing && writeQueueFull()) {
                closeWithError(CloseReason.TOO_SLOW, "connection too slow: its messages backed up for over "
                        + tooSlowMillis + " ms");
            }
        });
    }

    /**
     * Queues a frame, which may be shared with other connections, for the
     * next {@link #flush}; from any thread. A frame for a socket that closes
     * before the event loop writes it is dropped.
     */
    void write(WireFrame frame) {
        if (socket.isOpen()) {
            metrics.frameSent(frame.length());
            stats.sent(frame.length());
            outbox.add(this, frame.retainedFrame());
        }
    }

    /** Hands what was queued for this event loop's sockets to the loop; from any thread. */
    void flush() {
        outbox.handOver();
    }

    /** Writes one queued frame, unflushed; on the event loop, from {@link LoopOutbox}. */
    @Override
    public void writeQueued(ByteBuf frame) {
        if (closing || !socket.isOpen()) {
            // Our close has begun (after an ERROR, its frame is the last) or the socket is gone.
            frame.release();
            return;
        }
        socket.write(frame);
        unflushed = true;
    }

    /** Flushes what {@link #writeQueued} wrote, once however many frames; on the event loop. */
    @Override
    public void flushQueued() {
        if (unflushed) {
            unflushed = false;
            socket.flush();
        }
    }

    /**
     * True while the socket's outgoing bytes are over its limit; from any
     * thread. Closed is "not full": {@link #write} drops the frame, and the
     * seat's release or hold that follows tells the room.
     */
    boolean writeQueueFull() {
        return socket.congested();
    }
}
