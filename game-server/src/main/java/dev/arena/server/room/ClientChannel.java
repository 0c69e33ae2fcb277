package dev.arena.server.room;

import dev.arena.server.protocol.CloseReason;
import io.vertx.core.buffer.Buffer;

/**
 * A room's view of one player's connection: the seat's current attachment.
 * The transport implements it; a room calls it from the room's own thread
 * (and a watchdog from its own, to fail a stuck room), so every method must be
 * safe to call from any thread and must never block.
 */
public interface ClientChannel {
    /** True while the socket's outgoing queue is over its limit: skip this client for now. */
    boolean writeQueueFull();

    /** Queues one binary frame. The same buffer may be given to many channels; it must not be changed. */
    void write(Buffer frame);

    /**
     * Closes the connection with {@code reason}'s code, after an ERROR message
     * for an application code. The seat stays: the player may resume it.
     */
    void closeWithError(CloseReason reason, String message);

    /**
     * The room lets go of this seat (it stops): its connection, whichever it
     * is now, is closed with {@code reason} (ERROR first for an application
     * code) and the seat can no longer be resumed.
     */
    void unseat(CloseReason reason, String message);

    /** What an operator sees of the connection behind this channel (the admin API's player list). */
    ConnectionFacts facts();
}
