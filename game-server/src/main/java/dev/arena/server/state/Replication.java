package dev.arena.server.state;

import io.vertx.core.buffer.Buffer;

/**
 * How a room's state reaches its clients (DESIGN.md, "Fan-out"): the room
 * keeps the tick, the seats and the sockets and asks this for the bytes.
 * Each client has a {@link Replica} holding its baseline, the last state
 * written to its socket; on a send tick the room {@link #capture captures}
 * the state once, then asks the {@link #nextFrame next frame} of every
 * client whose socket can take one. Frames are SNAPSHOT or DELTA messages
 * (PROTOCOL.md), tag included, ready to write.
 *
 * <p>Encoding is shared: clients that hold the same baseline get the same
 * {@link Buffer}, encoded once per send tick. A client skipped for a while
 * (congested, or disconnected and waiting to resume) keeps its older
 * baseline and gets a delta from it, or a SNAPSHOT once it has left the
 * room's history ({@code room.snapshotHistory} states).
 *
 * <p>Single-threaded: only the room's thread calls it.
 */
public interface Replication {
    /**
     * The replication state of a new client, player or spectator, with no
     * baseline: its first frame is a SNAPSHOT. Keep it with the seat for as
     * long as the client may come back; dropping it is all it takes to let go.
     */
    Replica newReplica();

    /**
     * Starts a send tick: freezes the room's live state as the state of
     * {@code tick} and keeps it in the history. Frames asked for from now on
     * bring clients to this state.
     *
     * @param tick the room's tick, greater than at the last capture
     */
    void capture(int tick);

    /**
     * The frame that brings the client from its baseline to the captured
     * state, for the caller to write to the client's socket now; the captured
     * state becomes the replica's baseline. Ask only for a client whose socket
     * takes the frame, at most once per replica per capture: a skipped client
     * keeps its baseline.
     *
     * @return a buffer shared with every client of the same baseline: never change it
     * @throws IllegalStateException before the first capture, or when asked twice in one send tick
     */
    Buffer nextFrame(Replica replica);

    /**
     * A client on a new socket says {@code clientTick} is the last state it
     * received: it becomes the baseline when it was sent to this replica and
     * is still in the history, so the next frame is a DELTA from it;
     * otherwise (or for -1: "nothing") the next frame is a SNAPSHOT. Like any
     * baseline, it gives a SNAPSHOT instead if the history lets go of it
     * before the next frame. Until then the client is simply not asked for.
     *
     * @return whether the tick was taken as the baseline
     */
    boolean resume(Replica replica, int clientTick);

    /** The state of the last capture, or null before the first. */
    WorldState current();
}
