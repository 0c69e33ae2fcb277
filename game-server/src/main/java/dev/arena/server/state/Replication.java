package dev.arena.server.state;

import dev.arena.server.game.Visibility;
import dev.arena.server.metrics.GameMetrics;

/**
 * How a room's state reaches its clients (DESIGN.md, "Fan-out"): the room
 * keeps the tick, the seats and the sockets and asks this for the bytes.
 * Each client has a {@link Replica} holding its baseline, the last state
 * written to its socket; on a send tick the room {@link #capture captures}
 * the state once, then asks the {@link #nextFrame next frame} of every
 * client whose socket can take one. Frames are SNAPSHOT or DELTA messages
 * (PROTOCOL.md), tag included, already framed for WebSocket
 * ({@link WireFrame}): ready to write to any number of sockets.
 *
 * <p>What a client is sent is its view (PROTOCOL.md, "Views"), which the
 * game's {@link Visibility} rule decides: the whole room by default
 * ({@link BaselineReplication}), or per client ({@link ViewReplication}).
 *
 * <p>Encoding is shared: clients that see the whole room and hold the same
 * baseline get the same {@link WireFrame}, encoded and framed once per send
 * tick; clients
 * with views share each entity's encoded changes. A client skipped for a while
 * (congested, or disconnected and waiting to resume) keeps its older
 * baseline and gets a delta from it, or a SNAPSHOT once it has left the
 * room's history ({@code room.snapshotHistory} states).
 *
 * <p>Single-threaded: only the room's thread calls it.
 */
public interface Replication {
    /**
     * The replication of a room whose game sees through {@code rule}.
     *
     * @param world       the room's live state, which the game writes
     * @param historySize states kept as baselines (config {@code room.snapshotHistory})
     * @param metrics     told frame sizes, view sizes and cells encoded
     */
    static Replication of(EntityStore world, Visibility rule, int historySize, GameMetrics metrics) {
        return rule == Visibility.everything() ? new BaselineReplication(world, historySize, metrics)
                : new ViewReplication(world, rule, historySize, metrics);
    }

    /**
     * The replication state of a new client with no baseline: its first
     * frame is a SNAPSHOT. Keep it with the seat for as long as the client
     * may come back; dropping it is all it takes to let go.
     *
     * @param viewer the client's own entity, whose view it gets; 0 for a
     *               client without one (a spectator)
     */
    Replica newReplica(int viewer);

    /** {@link #newReplica(int)} for a client without an entity of its own (a spectator). */
    default Replica newReplica() {
        return newReplica(0);
    }

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
     * @return a frame shared with every client of the same baseline, valid
     *         until the next capture (or {@link #close}), which releases it: a
     *         socket that writes it later takes its own reference
     *         ({@link WireFrame#retainedFrame()})
     * @throws IllegalStateException before the first capture, or when asked twice in one send tick
     */
    WireFrame nextFrame(Replica replica);

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

    /** The room stops: the last send tick's frames are released. No frame is asked for after this. */
    void close();
}
