package dev.arena.server.room;

import dev.arena.server.protocol.CloseReason;
import dev.arena.server.state.WireFrame;

/**
 * A room's view of one player's connection: the seat's current attachment.
 * The transport implements it; a room calls it from the room's own thread
 * (and a watchdog from its own, to fail a stuck room), so every method must be
 * safe to call from any thread and must never block.
 *
 * <p>Writes are queued and handed to the socket's thread by {@link #flush}:
 * a room writes every frame of a send tick, then flushes, so each socket
 * thread gets the tick's frames for all its sockets in one hand-over, and
 * each socket one system call, however many frames it got.
 */
public interface ClientChannel {
    /** True while the socket's outgoing queue is over its limit: skip this client for now. */
    boolean writeQueueFull();

    /**
     * Queues one frame; it goes out at the next {@link #flush}. The same frame
     * may be given to many channels; the channel takes its own reference, so
     * the caller may release its own once this returns.
     */
    void write(WireFrame frame);

    /**
     * Hands every frame queued so far to the socket's thread (with other
     * channels' frames for the same thread: a room flushes each of its
     * channels after a send tick, and the first flush per thread does it).
     */
    void flush();

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
