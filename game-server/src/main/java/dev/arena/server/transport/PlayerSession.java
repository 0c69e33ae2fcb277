package dev.arena.server.transport;

import dev.arena.server.config.SessionConfig;
import dev.arena.server.metrics.GameMetrics;
import dev.arena.server.protocol.ClientMessage;
import dev.arena.server.protocol.CloseReason;
import dev.arena.server.protocol.ErrorMessage;
import dev.arena.server.protocol.GameMessage;
import dev.arena.server.protocol.Input;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.Leave;
import dev.arena.server.protocol.ProtocolException;
import dev.arena.server.protocol.ProtocolVersion;
import dev.arena.server.protocol.Redirect;
import dev.arena.server.room.Addresses;
import dev.arena.server.room.JoinRequest;
import dev.arena.server.room.JoinResult;
import io.vertx.core.Vertx;

/**
 * One player's session, the dispatch side: the state machine of PROTOCOL.md
 * ("Session state machine") and what each client message does in each
 * state. Joins go to the room registry over the event bus (which may answer
 * with a seat reserved on another node: the client gets REDIRECT and stays in
 * the lobby here), inputs and game
 * MESSAGEs to the room's queue through the {@link Seat}, leaves back over the
 * bus. A spectator plays no part: its INPUT or MESSAGE is a protocol error. It never
 * reads room state and never touches the socket but through its
 * {@link Connection}.
 *
 * <p>The session is apart from its socket so that it can outlive one: it is
 * {@link #attach attached} to the connection its messages come from and its
 * frames go to, and its seat writes through whichever connection that is.
 * It runs on the event loop of that connection.
 */
final class PlayerSession implements Connection.Listener {
    private enum State { LOBBY, JOINING, PLAYING, CLOSED }

    private final Vertx vertx;
    private final SessionConfig config;
    private final GameMetrics metrics;
    private volatile Connection connection;
    private State state = State.LOBBY;
    private Seat seat;
    private boolean spectating;
    private long joinTimer = -1;

    PlayerSession(Vertx vertx, SessionConfig config, GameMetrics metrics) {
        this.vertx = vertx;
        this.config = config;
        this.metrics = metrics;
    }

    /** Binds this session to the connection its messages come from; starts the lobby's join timeout. */
    void attach(Connection connection) {
        this.connection = connection;
        if (state == State.LOBBY) {
            armJoinTimeout();
        }
    }

    /** The connection attached now; read from rooms' threads through the seat. */
    Connection connection() {
        return connection;
    }

    @Override
    public void onMessage(ClientMessage message, long arrivalNanos) {
        if (message instanceof Input input) {
            onInput(input, arrivalNanos);
        } else if (message instanceof GameMessage gameMessage) {
            onInput(gameMessage, arrivalNanos);
        } else if (message instanceof Join join) {
            onJoin(join);
        } else if (message instanceof Leave) {
            onLeave();
        }
    }

    @Override
    public void onClosed(CloseReason reason) {
        if (state == State.PLAYING) {
            seat.release();
        }
        state = State.CLOSED;
        cancelJoinTimeout();
    }

    /** An INPUT or a game MESSAGE: for the room's game, from a player only. */
    private void onInput(ClientMessage input, long arrivalNanos) {
        String what = input instanceof Input ? "INPUT" : "MESSAGE";
        if (state == State.LOBBY) {
            connection.reject(new ProtocolException(CloseReason.BAD_STATE, what + " outside a room"));
        } else if (spectating) {
            connection.reject(new ProtocolException(CloseReason.BAD_STATE, what + " from a spectator"));
        } else if (state == State.PLAYING) {
            seat.offer(input, arrivalNanos);
        }
        // While JOINING it is dropped: the player has no entity yet.
    }

    private void onJoin(Join join) {
        if (state != State.LOBBY) {
            connection.reject(new ProtocolException(CloseReason.BAD_STATE, "JOIN while " + state.name().toLowerCase()));
            return;
        }
        if (join.protocolVersion() != ProtocolVersion.CURRENT) {
            // Nothing else this client sends can be read: tell it why, then close.
            connection.closeWithError(CloseReason.VERSION_MISMATCH, "this server speaks protocol version "
                    + ProtocolVersion.CURRENT + ", the client version " + Integer.toUnsignedString(join.protocolVersion())
                    + ": update or reload the client");
            return;
        }
        String name = join.name() == null || join.name().isBlank() ? "Player" : join.name().strip();
        if (name.length() > config.maxNameLength() || name.chars().anyMatch(Character::isISOControl)) {
            refuse(JoinResult.refused(CloseReason.BAD_REQUEST,
                    "a name must be 1 to " + config.maxNameLength() + " printable characters"));
            return;
        }
        if (join.spectate() && join.createPrivate()) {
            refuse(JoinResult.refused(CloseReason.BAD_REQUEST, "a spectator cannot create a private room"));
            return;
        }
        state = State.JOINING;
        spectating = join.spectate();
        Seat joining = new Seat(this, vertx.eventBus());
        seat = joining;
        String roomId = join.roomId() == null || join.roomId().isBlank() ? null : join.roomId().strip();
        JoinRequest request = new JoinRequest(join.game(), roomId, name, join.spectate(), join.createPrivate(),
                join.privateCode(), join.reservation(), joining);
        vertx.eventBus().<JoinResult>request(Addresses.REGISTRY_JOIN, request)
                .onComplete(reply -> {
                    JoinResult result = reply.succeeded() ? reply.result().body()
                            : JoinResult.refused(CloseReason.UNKNOWN_ROOM,
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
                    } else if (result.redirected()) {
                        // The seat is on another node: back to the lobby here, and the client goes there.
                        seat = null;
                        state = State.LOBBY;
                        spectating = false;
                        JoinResult.Redirect to = result.redirect();
                        connection.send(new Redirect(to.url(), to.roomId(), to.reservation()));
                    } else {
                        seat = null;
                        state = State.LOBBY;
                        spectating = false;
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
            spectating = false;
            armJoinTimeout();
        }
    }

    private void refuse(JoinResult result) {
        metrics.joinRefused(result.refusal());
        connection.send(new ErrorMessage(result.refusal().code(), result.message()));
    }

    private void armJoinTimeout() {
        cancelJoinTimeout();
        joinTimer = vertx.setTimer(config.joinTimeoutMillis(), id -> {
            if (state == State.LOBBY || state == State.JOINING) {
                connection.closeWithError(CloseReason.JOIN_TIMEOUT,
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
}
