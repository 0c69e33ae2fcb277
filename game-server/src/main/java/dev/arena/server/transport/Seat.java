package dev.arena.server.transport;

import dev.arena.server.protocol.ClientMessage;
import dev.arena.server.protocol.CloseReason;
import dev.arena.server.room.Addresses;
import dev.arena.server.room.ClientChannel;
import dev.arena.server.room.InputQueue;
import dev.arena.server.room.JoinResult;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;

/**
 * A player's place in one room, for one join: the {@link ClientChannel} that
 * room writes to. Frames go to the socket the player's session is attached
 * to at the time of the write. After a leave or close the seat is released,
 * and the room's late frames stop here, so they never reach a client that is
 * in the lobby or in another room.
 */
final class Seat implements ClientChannel {
    private final PlayerSession session;
    private final EventBus bus;
    private volatile boolean open = true;
    private String roomId;
    private int playerId;
    private InputQueue inputs;

    Seat(PlayerSession session, EventBus bus) {
        this.session = session;
        this.bus = bus;
    }

    /** Takes the seat the room granted. */
    void bind(JoinResult result) {
        roomId = result.roomId();
        playerId = result.playerId();
        inputs = result.inputs();
    }

    /**
     * Queues one of the player's inputs or game MESSAGEs for the room's next step (dropped and counted when its
     * queue is full).
     */
    void offer(ClientMessage input, long arrivalNanos) {
        inputs.offer(playerId, input, arrivalNanos);
    }

    /** Gives the seat back to the room; frames from it are dropped from now on. */
    void release() {
        if (open) {
            open = false;
            bus.send(Addresses.roomLeave(roomId), playerId);
        }
    }

    @Override
    public boolean writeQueueFull() {
        return open && session.connection().writeQueueFull();
    }

    @Override
    public void write(Buffer frame) {
        if (open) {
            session.connection().write(frame);
        }
    }

    @Override
    public void closeWithError(CloseReason reason, String message) {
        if (open) {
            session.connection().closeWithError(reason, message);
        }
    }
}
