package dev.arena.server.transport;

import dev.arena.server.config.SessionConfig;
import dev.arena.server.game.PlayerInput;
import dev.arena.server.metrics.GameMetrics;
import dev.arena.server.protocol.ClientMessage;
import dev.arena.server.protocol.CloseCodes;
import dev.arena.server.protocol.ErrorMessage;
import dev.arena.server.protocol.FrameCodec;
import dev.arena.server.protocol.Input;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.Leave;
import dev.arena.server.protocol.Ping;
import dev.arena.server.protocol.Pong;
import dev.arena.server.protocol.ProtocolException;
import dev.arena.server.protocol.ServerMessage;
import dev.arena.server.room.Addresses;
import dev.arena.server.room.ClientChannel;
import dev.arena.server.room.InputEnvelope;
import dev.arena.server.room.InputQueue;
import dev.arena.server.room.JoinRequest;
import dev.arena.server.room.JoinResult;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;

/**
 * One player's WebSocket: decodes its frames, guards the rate, walks the
 * session state machine of PROTOCOL.md and forwards joins, inputs and leaves
 * to rooms over the event bus. It never reads room state. Runs on its HTTP
 * verticle's event loop; rooms reach it only through a {@link Seat}.
 *
 * <p>Bad input closes this connection alone, with the code of PROTOCOL.md
 * and a counted reason.
 */
final class Session {
    /** Origin of the microsecond clock sent in server PINGs, so the value is never negative. */
    private static final long CLOCK_ORIGIN = System.nanoTime();

    private enum State { LOBBY, JOINING, PLAYING, CLOSED }

    private final Vertx vertx;
    private final Context context;
    private final ServerWebSocket ws;
    private final FrameCodec codec;
    private final SessionConfig config;
    private final int maxFrameBytes;
    private final GameMetrics metrics;
    private final Runnable onClosed;
    private State state = State.LOBBY;
    private Seat seat;
    private long windowStart;
    private int windowCount;
    private long joinTimer = -1;
    private long pingTimer = -1;
    private volatile String closeReason;

    Session(Vertx vertx, ServerWebSocket ws, FrameCodec codec, SessionConfig config, int maxFrameBytes,
            GameMetrics metrics, Runnable onClosed) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.ws = ws;
        this.codec = codec;
        this.config = config;
        this.maxFrameBytes = maxFrameBytes;
        this.metrics = metrics;
        this.onClosed = onClosed;
    }

    void start() {
        metrics.connectionOpened();
        ws.setWriteQueueMaxSize(config.writeQueueMaxBytes());
        ws.binaryMessageHandler(this::onBinary);
        ws.textMessageHandler(text -> reject(new ProtocolException(CloseCodes.UNSUPPORTED_DATA, "text",
                "text messages are not supported: send binary frames")));
        ws.exceptionHandler(this::onException);
        ws.closeHandler(v -> onClose());
        windowStart = System.nanoTime();
        armJoinTimeout();
        pingTimer = vertx.setPeriodic(config.pingIntervalMillis(), id -> send(new Ping(micros())));
    }

    /** Closes the connection with {@code code}, after an ERROR for application codes; callable from any thread. */
    void closeWithError(int code, String reason, String message) {
        context.runOnContext(v -> {
            if (state != State.CLOSED) {
                // ERROR carries application codes only; a standard close code speaks for itself.
                if (code >= 4000) {
                    send(new ErrorMessage(code, message));
                }
                close(code, reason, message);
            }
        });
    }

    private void onBinary(Buffer frame) {
        long arrival = System.nanoTime();
        metrics.frameReceived(frame.length());
        if (state == State.CLOSED) {
            return;
        }
        if (frame.length() > maxFrameBytes) {
            reject(new ProtocolException(CloseCodes.MESSAGE_TOO_BIG, "too_big",
                    "message of " + frame.length() + " bytes, at most " + maxFrameBytes));
            return;
        }
        if (++windowCount > config.maxMessagesPerSecond()) {
            if (arrival - windowStart >= 1_000_000_000L) {
                windowStart = arrival;
                windowCount = 1;
            } else {
                reject(new ProtocolException(CloseCodes.POLICY_VIOLATION, "rate_limited",
                        "more than " + config.maxMessagesPerSecond() + " messages in one second"));
                return;
            }
        }
        ClientMessage message;
        try {
            message = codec.decodeClient(frame.getBytes());
        } catch (ProtocolException e) {
            reject(e);
            return;
        }
        if (message instanceof Input input) {
            onInput(input, arrival);
        } else if (message instanceof Ping ping) {
            send(new Pong(ping.time()));
        } else if (message instanceof Pong pong) {
            long rtt = micros() - pong.time();
            if (rtt >= 0 && rtt < 60_000_000L) {
                metrics.roundTrip(rtt * 1000);
            }
        } else if (message instanceof Join join) {
            onJoin(join);
        } else if (message instanceof Leave) {
            onLeave();
        }
    }

    private void onInput(Input input, long arrival) {
        if (state == State.LOBBY) {
            reject(ProtocolException.malformed("bad_state", "INPUT outside a room"));
        } else if (state == State.PLAYING) {
            seat.inputs.offer(new InputEnvelope(seat.playerId,
                    new PlayerInput(input.seq(), input.dx(), input.dy(), input.buttons()), arrival));
        }
        // While JOINING the input is dropped: the player has no entity yet.
    }

    private void onJoin(Join join) {
        if (state != State.LOBBY) {
            reject(ProtocolException.malformed("bad_state", "JOIN while " + state.name().toLowerCase()));
            return;
        }
        String name = join.name() == null || join.name().isBlank() ? "Player" : join.name().strip();
        if (name.length() > config.maxNameLength() || name.chars().anyMatch(Character::isISOControl)) {
            refuse(JoinResult.refused(CloseCodes.BAD_REQUEST, "bad_request",
                    "a name must be 1 to " + config.maxNameLength() + " printable characters"));
            return;
        }
        state = State.JOINING;
        Seat joining = new Seat();
        seat = joining;
        String roomId = join.roomId() == null || join.roomId().isBlank() ? null : join.roomId().strip();
        vertx.eventBus().<JoinResult>request(Addresses.REGISTRY_JOIN, new JoinRequest(roomId, name, joining))
                .onComplete(reply -> {
                    JoinResult result = reply.succeeded() ? reply.result().body()
                            : JoinResult.refused(CloseCodes.UNKNOWN_ROOM, "unknown_room",
                            "the join could not be completed: " + reply.cause().getMessage());
                    if (seat != joining || state != State.JOINING) {
                        // Left or closed while the join was on its way: give the seat back.
                        if (result.accepted()) {
                            joining.bind(result);
                            joining.release();
                        }
                        return;
                    }
                    if (result.accepted()) {
                        joining.bind(result);
                        state = State.PLAYING;
                        cancelJoinTimeout();
                    } else {
                        seat = null;
                        state = State.LOBBY;
                        refuse(result);
                    }
                });
    }

    private void onLeave() {
        if (state == State.PLAYING) {
            seat.release();
        }
        if (state != State.CLOSED && state != State.LOBBY) {
            state = State.LOBBY;
            seat = null;
            armJoinTimeout();
        }
    }

    private void refuse(JoinResult result) {
        metrics.joinRefused(result.reason());
        send(new ErrorMessage(result.errorCode(), result.message()));
    }

    private void onException(Throwable e) {
        if (e instanceof CorruptedWebSocketFrameException corrupted) {
            int code = corrupted.closeStatus().code();
            String reason = code == CloseCodes.MESSAGE_TOO_BIG ? "too_big" : "bad_frame";
            metrics.frameRejected(reason);
            closeReason = reason;
        }
    }

    private void onClose() {
        if (state == State.PLAYING) {
            seat.release();
        }
        state = State.CLOSED;
        vertx.cancelTimer(pingTimer);
        cancelJoinTimeout();
        String reason = closeReason;
        metrics.connectionClosed(reason != null ? reason : ws.closeStatusCode() == null ? "abnormal" : "client_closed");
        onClosed.run();
    }

    private void reject(ProtocolException e) {
        metrics.frameRejected(e.reason());
        close(e.closeCode(), e.reason(), e.getMessage());
    }

    /**
     * Sends ERROR 4007 and closes with 1001 because the server stops; call on this session's event loop.
     *
     * @return completes when the connection is closed
     */
    Future<Void> goAway() {
        if (state == State.CLOSED) {
            return Future.succeededFuture();
        }
        send(new ErrorMessage(CloseCodes.SHUTTING_DOWN, "the server is shutting down"));
        return close(CloseCodes.GOING_AWAY, "going_away", "the server is shutting down");
    }

    private Future<Void> close(int code, String reason, String message) {
        if (closeReason == null) {
            closeReason = reason;
        }
        // A close frame's reason is limited to 123 bytes.
        String text = message.length() > 100 ? message.substring(0, 100) : message;
        Future<Void> closed = ws.close((short) code, text);
        if (state == State.PLAYING) {
            seat.release();
        }
        state = State.CLOSED;
        return closed;
    }

    private void send(ServerMessage message) {
        if (!ws.isClosed()) {
            byte[] bytes = codec.encode(message);
            metrics.frameSent(bytes.length);
            ws.writeBinaryMessage(Buffer.buffer(bytes));
        }
    }

    private void armJoinTimeout() {
        cancelJoinTimeout();
        joinTimer = vertx.setTimer(config.joinTimeoutMillis(), id -> {
            if (state == State.LOBBY || state == State.JOINING) {
                closeWithError(CloseCodes.JOIN_TIMEOUT, "join_timeout",
                        "no room joined within " + config.joinTimeoutMillis() + " ms");
            }
        });
    }

    private void cancelJoinTimeout() {
        if (joinTimer >= 0) {
            vertx.cancelTimer(joinTimer);
            joinTimer = -1;
        }
    }

    private static long micros() {
        return (System.nanoTime() - CLOCK_ORIGIN) / 1000;
    }

    /**
     * This connection as one room sees it, for one join: after a leave the old
     * room's late frames stop here, so they never reach a client that is in
     * the lobby or in another room.
     */
    private final class Seat implements ClientChannel {
        private volatile boolean open = true;
        private String roomId;
        private int playerId;
        private InputQueue inputs;

        void bind(JoinResult result) {
            roomId = result.roomId();
            playerId = result.playerId();
            inputs = result.inputs();
        }

        /** Gives the seat back to the room; frames from it are dropped from now on. */
        void release() {
            if (open) {
                open = false;
                vertx.eventBus().send(Addresses.roomLeave(roomId), playerId);
            }
        }

        @Override
        public boolean writeQueueFull() {
            // The room calls this from its own thread: the socket may close under it at any moment, and
            // Vert.x's writeQueueFull() then throws, which would stop the room's timer. Closed is "not full";
            // write() drops the frame and the leave that follows removes the player.
            try {
                return open && ws.writeQueueFull();
            } catch (IllegalStateException closed) {
                return false;
            }
        }

        @Override
        public void write(Buffer frame) {
            if (open && !ws.isClosed()) {
                metrics.frameSent(frame.length());
                try {
                    ws.writeBinaryMessage(frame);
                } catch (IllegalStateException closed) {
                    // Closed between the check and the write: nothing to deliver.
                }
            }
        }

        @Override
        public void closeWithError(int code, String reason, String message) {
            if (open) {
                Session.this.closeWithError(code, reason, message);
            }
        }
    }
}
