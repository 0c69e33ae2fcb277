package dev.arena.server.transport;

import dev.arena.server.metrics.ResumeResult;
import dev.arena.server.protocol.CloseReason;
import dev.arena.server.protocol.GameMessage;
import dev.arena.server.protocol.InputFields;
import dev.arena.server.room.Addresses;
import dev.arena.server.room.InputQueue;
import dev.arena.server.room.JoinResult;
import dev.arena.server.room.SeatEvent;
import io.vertx.core.eventbus.EventBus;

/**
 * A player's place in one room, from the JOIN that took it until LEAVE, the
 * end of its grace window or its room's stop: the part of a player that
 * outlives a socket (PROTOCOL.md, "Session state machine"). It is attached
 * to one connection at a time, through a {@link SeatChannel} the room writes
 * to; when that connection closes without LEAVE the seat is held for
 * {@code room.reconnectGraceMillis} and a RESUME on any connection of this
 * node may {@link #claim} it, even while the old connection is still open.
 * A spectator's place is a seat without a token: freed at once when its
 * connection closes, as by LEAVE.
 *
 * <p>Thread-safe: the sessions of its connections (on any event loop), its
 * grace timer and its room reach it. Every transition runs under its lock,
 * and so does every message it sends its room, so the room hears them in the
 * order they happened; each attachment has a generation number the room uses
 * to tell stale news from new.
 */
final class Seat {
    private enum State { JOINING, SEATED, HELD, FREED }

    /** A successful {@link #claim}: how it went, the room's new channel, and the connection that lost the seat. */
    record Claim(ResumeResult result, SeatChannel channel, int generation, Connection previous) {
    }

    private final SeatDirectory directory;
    private final EventBus bus;
    private final String token;
    private State state = State.JOINING;
    private volatile Connection connection;
    private SeatChannel channel;
    private int generation = 1;
    private long graceTimer = -1;
    /** A LEAVE or a drop that came while the JOIN was on its way, applied once it is accepted. */
    private boolean leaveOnBind;
    private boolean lostOnBind;
    private String roomId;
    private int playerId;
    private InputQueue inputs;

    /**
     * A seat asked for by a JOIN on {@code first}; not yet granted.
     *
     * @param resumable whether it gets a resume token (when resume is on): false for a spectator
     */
    Seat(SeatDirectory directory, Connection first, boolean resumable) {
        this.directory = directory;
        this.bus = directory.vertx().eventBus();
        this.token = resumable ? directory.newToken() : null;
        this.connection = first;
        this.channel = new SeatChannel(this, first);
    }

    /** The secret that takes this seat back, or null when resume is off or for a spectator. */
    String token() {
        return token;
    }

    /** The channel for the JOIN's room to write to. */
    synchronized SeatChannel channel() {
        return channel;
    }

    synchronized String roomId() {
        return roomId;
    }

    synchronized int playerId() {
        return playerId;
    }

    /** The room granted the seat; a LEAVE or a drop that came meanwhile takes effect now. */
    synchronized void bind(JoinResult result) {
        if (state == State.FREED) {
            // Its room stopped before the JOIN's answer got here.
            return;
        }
        roomId = result.roomId();
        playerId = result.playerId();
        inputs = result.inputs();
        state = State.SEATED;
        directory.add(this);
        if (leaveOnBind) {
            leave(connection);
        } else if (lostOnBind) {
            lost(connection);
        }
    }

    /**
     * Queues a game MESSAGE of the player for the room's next step (dropped and counted when its queue is full), when
     * {@code from} holds the seat now.
     */
    void offer(Connection from, GameMessage message, long arrivalNanos) {
        if (connection == from) {
            inputs.offer(playerId, message, arrivalNanos);
        }
    }

    /** Queues an INPUT of the player as {@link #offer} does: its four values, copied. */
    void offerInput(Connection from, InputFields input, long arrivalNanos) {
        if (connection == from) {
            inputs.offerInput(playerId, input.seq(), input.dx(), input.dy(), input.buttons(), arrivalNanos);
        }
    }

    /** LEAVE on {@code from}: the seat is given up for good, when that connection holds it. */
    synchronized void leave(Connection from) {
        if (connection != from) {
            return;
        }
        if (state == State.JOINING) {
            leaveOnBind = true;
        } else if (state == State.SEATED) {
            free();
            bus.send(Addresses.roomLeave(roomId), playerId);
        }
    }

    /**
     * {@code from} closed without LEAVE: when it held the seat, the seat is
     * held for the grace window (or freed as by LEAVE when resume is off).
     */
    synchronized void lost(Connection from) {
        if (connection != from) {
            return;
        }
        if (state == State.JOINING) {
            lostOnBind = true;
            return;
        }
        if (state != State.SEATED) {
            return;
        }
        if (token == null) {
            free();
            bus.send(Addresses.roomLeave(roomId), playerId);
            return;
        }
        state = State.HELD;
        connection = null;
        channel.close();
        directory.metrics().seatsHeld(1);
        int held = generation;
        graceTimer = directory.vertx().setTimer(directory.graceMillis(), id -> expire(held));
        bus.send(Addresses.roomDisconnect(roomId), new SeatEvent(playerId, generation));
    }

    /** The grace window of attachment {@code held} ended: the seat is freed as by LEAVE, unless it came back. */
    private synchronized void expire(int held) {
        if (state == State.HELD && generation == held) {
            directory.metrics().seatsHeld(-1);
            state = State.FREED;
            directory.expire(this);
            bus.send(Addresses.roomLeave(roomId), playerId);
        }
    }

    /**
     * A RESUME on {@code to} takes this seat: back from its grace window, or
     * taken over from a connection that is still open (the caller closes that
     * one). Frames reach {@code to} once the room has the new channel.
     *
     * @return the claim, or null when the seat is freed (or still joining)
     */
    synchronized Claim claim(Connection to) {
        ResumeResult result;
        if (state == State.HELD) {
            directory.vertx().cancelTimer(graceTimer);
            directory.metrics().seatsHeld(-1);
            result = ResumeResult.RESUMED;
        } else if (state == State.SEATED) {
            result = ResumeResult.TAKEN_OVER;
        } else {
            return null;
        }
        Connection previous = connection;
        channel.close();
        generation++;
        connection = to;
        channel = new SeatChannel(this, to);
        state = State.SEATED;
        return new Claim(result, channel, generation, previous);
    }

    /** The room no longer holds the player a claim on {@code to} was for: the seat is gone. */
    synchronized void abandon(Connection to) {
        if (connection == to && state == State.SEATED) {
            free();
        }
    }

    /**
     * The room stops: the seat is freed, held or not, and its connection (if
     * any) closed with {@code reason}.
     */
    void unseat(CloseReason reason, String message) {
        Connection last;
        synchronized (this) {
            if (state == State.FREED) {
                return;
            }
            if (state == State.HELD) {
                directory.vertx().cancelTimer(graceTimer);
                directory.metrics().seatsHeld(-1);
            }
            last = connection;
            free();
        }
        if (last != null) {
            last.closeWithError(reason, message);
        }
    }

    private void free() {
        state = State.FREED;
        connection = null;
        channel.close();
        directory.remove(this);
    }
}
