package dev.arena.server.transport;

import dev.arena.server.config.SessionConfig;
import dev.arena.server.metrics.GameMetrics;
import dev.arena.server.metrics.ResumeResult;
import dev.arena.server.protocol.ClientMessage;
import dev.arena.server.protocol.CloseReason;
import dev.arena.server.protocol.ErrorMessage;
import dev.arena.server.protocol.GameMessage;
import dev.arena.server.protocol.InputFields;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.Leave;
import dev.arena.server.protocol.ProtocolException;
import dev.arena.server.protocol.ProtocolVersion;
import dev.arena.server.protocol.Redirect;
import dev.arena.server.protocol.Resume;
import dev.arena.server.room.Addresses;
import dev.arena.server.room.JoinRequest;
import dev.arena.server.room.JoinResult;
import dev.arena.server.room.ResumeRequest;
import io.vertx.core.Vertx;

/**
 * One connection's session, the dispatch side: the state machine of
 * PROTOCOL.md ("Session state machine") and what each client message does in
 * each state. Joins go to the room registry over the event bus (which may
 * answer with a seat reserved on another node: the client gets REDIRECT and
 * stays in the lobby here), resumes to the held seat's room (always on this
 * node: a seat lives where its room does), inputs and game MESSAGEs to the
 * room's queue through the {@link Seat}, leaves back over the bus. A
 * spectator plays no part: its INPUT or MESSAGE is a protocol error, and its
 * seat is not held when its connection drops (it has no resume token). It
 * never reads room state and never touches the socket but through its
 * {@link Connection}.
 *
 * <p>A session lives as long as its connection, on that connection's event
 * loop; what outlives a dropped connection is the {@link Seat}, which a
 * session on a new connection (on any event loop) takes back with RESUME.
 */
final class PlayerSession implements Connection.Listener {
    private enum State { LOBBY, JOINING, RESUMING, PLAYING, CLOSED }

    private final Vertx vertx;
    private final SessionConfig config;
    private final SeatDirectory seats;
    private final GameMetrics metrics;
    private final Connection connection;
    private State state = State.LOBBY;
    private Seat seat;
    private boolean spectating;
    private long joinTimer = -1;

    PlayerSession(Vertx vertx, SessionConfig config, SeatDirectory seats, GameMetrics metrics, Connection connection) {
        this.vertx = vertx;
        this.config = config;
        this.seats = seats;
        this.metrics = metrics;
        this.connection = connection;
        armJoinTimeout();
    }

    @Override
    public void onMessage(ClientMessage message, long arrivalNanos) {
        if (message instanceof GameMessage gameMessage) {
            if (mayPlay("MESSAGE")) {
                seat.offer(connection, gameMessage, arrivalNanos);
            }
        } else if (message instanceof Join join) {
            onJoin(join);
        } else if (message instanceof Leave) {
            onLeave();
        } else if (message instanceof Resume resume) {
            onResume(resume);
        }
    }

    @Override
    public void onClosed(CloseReason reason) {
        if (state == State.JOINING || state == State.RESUMING || state == State.PLAYING) {
            if (reason.kind() == CloseReason.Kind.FRAME_REJECTION || reason == CloseReason.KICKED) {
                // Closed for breaking the protocol, or by an operator (its address was banned): the seat goes at
                // once, as by LEAVE; no second chance. (A kick from its room has freed the seat already.)
                seat.leave(connection);
            } else {
                // A drop, the client's own close, too slow, no PONG, taken over: held for the grace window.
                seat.lost(connection);
            }
        }
        state = State.CLOSED;
        cancelJoinTimeout();
    }

    @Override
    public void onInput(InputFields input, long arrivalNanos) {
        if (mayPlay("INPUT")) {
            seat.offerInput(connection, input, arrivalNanos);
        }
    }

    /**
     * Whether an INPUT or a game MESSAGE ({@code what}) goes to the room's game: from a seated player only. Outside a
     * room or from a spectator it closes the connection; while JOINING or RESUMING it is dropped, since the room does
     * not know this connection yet.
     */
    private boolean mayPlay(String what) {
        if (state == State.LOBBY) {
            connection.reject(new ProtocolException(CloseReason.BAD_STATE, what + " outside a room"));
        } else if (spectating) {
            connection.reject(new ProtocolException(CloseReason.BAD_STATE, what + " from a spectator"));
        } else {
            return state == State.PLAYING;
        }
        return false;
    }

    private void onJoin(Join join) {
        if (state != State.LOBBY) {
            connection.reject(new ProtocolException(CloseReason.BAD_STATE, "JOIN while " + state.name().toLowerCase()));
            return;
        }
        if (join.protocolVersion() != ProtocolVersion.CURRENT) {
            versionMismatch(join.protocolVersion());
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
        // A spectator's place has no token: nothing of it is worth holding after a drop.
        Seat joining = new Seat(seats, connection, !spectating);
        seat = joining;
        String roomId = join.roomId() == null || join.roomId().isBlank() ? null : join.roomId().strip();
        JoinRequest request = new JoinRequest(join.game(), roomId, name, join.spectate(), join.createPrivate(),
                join.privateCode(), join.reservation(), joining.channel(), joining.token());
        vertx.eventBus().<JoinResult>request(Addresses.REGISTRY_JOIN, request)
                .onComplete(reply -> {
                    JoinResult result = reply.succeeded() ? reply.result().body()
                            : JoinResult.refused(CloseReason.UNKNOWN_ROOM,
                            "the join could not be completed: " + reply.cause().getMessage());
                    if (result.accepted()) {
                        // Applies a LEAVE (gives the seat back) or a close (holds it) that came meanwhile.
                        joining.bind(result);
                    }
                    if (seat != joining || state != State.JOINING) {
                        return;
                    }
                    if (result.accepted()) {
                        play();
                    } else if (result.redirected()) {
                        // The seat is on another node: back to the lobby here, and the client goes there. The
                        // seat object was never bound, so no token of it is known to this node.
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

    /**
     * RESUME: only in the lobby. A version mismatch, an unknown or expired
     * token, or a seat its room no longer holds ends the connection with an
     * ERROR; otherwise the seat is claimed (taking it from a connection still
     * open, which gets 4009) and its room writes WELCOME and the next state.
     */
    private void onResume(Resume resume) {
        if (state != State.LOBBY) {
            connection.reject(new ProtocolException(CloseReason.BAD_STATE, "RESUME while " + state.name().toLowerCase()));
            return;
        }
        if (resume.protocolVersion() != ProtocolVersion.CURRENT) {
            versionMismatch(resume.protocolVersion());
            return;
        }
        Seat held = seats.find(resume.token());
        Seat.Claim claim = held == null ? null : held.claim(connection);
        if (claim == null) {
            boolean expired = seats.expired(resume.token());
            metrics.resume(expired ? ResumeResult.EXPIRED : ResumeResult.UNKNOWN);
            connection.closeWithError(CloseReason.RESUME_FAILED, expired
                    ? "the seat was held for " + seats.graceMillis() + " ms after the connection dropped, then freed: join again"
                    : "no seat on this server has that resume token: join again");
            return;
        }
        if (claim.previous() != null) {
            claim.previous().closeWithError(CloseReason.TAKEN_OVER, "the seat was resumed on another connection");
        }
        state = State.RESUMING;
        seat = held;
        cancelJoinTimeout();
        ResumeRequest request = new ResumeRequest(held.playerId(), claim.generation(), resume.lastTick(),
                claim.channel(), held.token());
        vertx.eventBus().<Boolean>request(Addresses.roomResume(held.roomId()), request).onComplete(reply -> {
            if (reply.succeeded() && Boolean.TRUE.equals(reply.result().body())) {
                metrics.resume(claim.result());
                if (state == State.RESUMING) {
                    play();
                }
                return;
            }
            // The room let the player go (or is gone) between the claim and now.
            held.abandon(connection);
            metrics.resume(ResumeResult.EXPIRED);
            if (state == State.RESUMING) {
                seat = null;
                connection.closeWithError(CloseReason.RESUME_FAILED, "the seat's room no longer holds it: join again");
            }
        });
    }

    private void play() {
        state = State.PLAYING;
        cancelJoinTimeout();
        connection.watchPeer(true);
    }

    private void onLeave() {
        if (state == State.JOINING || state == State.RESUMING || state == State.PLAYING) {
            seat.leave(connection);
            state = State.LOBBY;
            seat = null;
            spectating = false;
            connection.watchPeer(false);
            armJoinTimeout();
        }
    }

    /** Nothing else this client sends can be read: tell it why, then close. */
    private void versionMismatch(int clientVersion) {
        connection.closeWithError(CloseReason.VERSION_MISMATCH, "this server speaks protocol version "
                + ProtocolVersion.CURRENT + ", the client version " + Integer.toUnsignedString(clientVersion)
                + ": update or reload the client");
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
