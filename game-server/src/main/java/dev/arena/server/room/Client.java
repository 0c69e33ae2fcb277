package dev.arena.server.room;

import dev.arena.server.state.Replica;
import dev.arena.server.state.WireFrame;

import java.util.ArrayDeque;

/**
 * One seat of a {@link Room}: a player (its entity id) or a spectator (a
 * negative seat number, no entity), the channel its frames go to now, its
 * replication state, whether its connection is up, and the game MESSAGEs
 * waiting for the next send tick. The replica belongs to the seat, not to a
 * connection, so a player that comes back resumes from the view and baseline
 * it holds. Only the room's thread changes it; {@link #channel} is also read
 * by a watchdog that fails a stuck room.
 */
final class Client {
    final int seat;
    final boolean spectator;
    /** The display name its JOIN gave, for operators. */
    final String name;
    /** Where frames go; replaced when the player resumes on a new connection. */
    volatile ClientChannel channel;
    final Replica replica;
    /** The attachment this room knows of: 1 for the JOIN, one more per RESUME. Older events are stale. */
    int generation = 1;
    /** The newest attachment the transport said had dropped (0: none). */
    int lostGeneration;
    /** False while the seat is held after a drop: no frames or MESSAGEs are sent, the replica keeps its baseline. */
    boolean connected = true;
    /** Game MESSAGE frames written after the next state update; shared buffers for a broadcast. */
    final ArrayDeque<WireFrame> outbox = new ArrayDeque<>();
    long congestedSince;
    long oldestUnsentInput;
    /** Closed (too slow, or a MESSAGE the game could not read): nothing more is sent until it resumes. */
    boolean closing;

    Client(int seat, boolean spectator, String name, ClientChannel channel, Replica replica) {
        this.seat = seat;
        this.spectator = spectator;
        this.name = name;
        this.channel = channel;
        this.replica = replica;
    }

    /** Writes the queued MESSAGEs, oldest first (queued on the channel, like the state update before them). */
    void writeOutbox() {
        WireFrame frame;
        while ((frame = outbox.poll()) != null) {
            channel.write(frame);
        }
    }
}
