package dev.arena.server.transport;

import dev.arena.server.protocol.CloseReason;
import dev.arena.server.room.ClientChannel;
import dev.arena.server.room.ConnectionFacts;
import dev.arena.server.state.WireFrame;

/**
 * One attachment of a {@link Seat} to a connection: the {@link ClientChannel}
 * its room writes to. Closed when the seat moves on (its connection dropped,
 * a RESUME took it elsewhere, the seat was freed), so the room's late frames
 * never reach a client in the lobby, in another room, or a connection that
 * no longer holds the seat; a resumed seat's room gets a new channel. Any
 * thread.
 */
final class SeatChannel implements ClientChannel {
    private final Seat seat;
    private final Connection connection;
    private volatile boolean open = true;

    SeatChannel(Seat seat, Connection connection) {
        this.seat = seat;
        this.connection = connection;
    }

    /** Frames through this channel are dropped from now on. */
    void close() {
        open = false;
    }

    @Override
    public boolean writeQueueFull() {
        return open && connection.writeQueueFull();
    }

    @Override
    public void write(WireFrame frame) {
        if (open) {
            connection.write(frame);
        }
    }

    @Override
    public void flush() {
        connection.flush();
    }

    @Override
    public void closeWithError(CloseReason reason, String message) {
        if (open) {
            connection.closeWithError(reason, message);
        }
    }

    @Override
    public void unseat(CloseReason reason, String message) {
        seat.unseat(reason, message);
    }

    /** Also after this channel closed: a held seat shows the connection it dropped from. */
    @Override
    public ConnectionFacts facts() {
        return connection.stats().facts();
    }
}
