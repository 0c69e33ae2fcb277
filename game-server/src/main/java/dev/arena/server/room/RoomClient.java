package dev.arena.server.room;

import dev.arena.server.state.Replica;

/**
 * One seat of a {@link Room}, as the room sees it: the player, the channel
 * its frames go to now, its replication state, and whether its connection is
 * up. The replica belongs to the seat, not to a connection, so a player that
 * comes back resumes from the state it holds. Only the room's thread changes
 * it; {@link #channel} is also read by a watchdog that fails a stuck room.
 */
final class RoomClient {
    final int playerId;
    final Replica replica;
    /** Where frames go; replaced when the player resumes on a new connection. */
    volatile ClientChannel channel;
    /** The attachment this room knows of: 1 for the JOIN, one more per RESUME. Older events are stale. */
    int generation = 1;
    /** The newest attachment the transport said had dropped (0: none). */
    int lostGeneration;
    /** False while the seat is held after a drop: no frames are sent, the replica keeps its baseline. */
    boolean connected = true;
    long congestedSince;
    long oldestUnsentInput;
    /** Closed as too slow: nothing more is sent until it resumes. */
    boolean closing;

    RoomClient(int playerId, ClientChannel channel, Replica replica) {
        this.playerId = playerId;
        this.channel = channel;
        this.replica = replica;
    }
}
