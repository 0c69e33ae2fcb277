package dev.arena.server.room;

import dev.arena.server.state.Replica;
import io.vertx.core.buffer.Buffer;

import java.util.ArrayDeque;

/**
 * One seat of a {@link Room}: a player (its entity id) or a spectator (a
 * negative seat number, no entity), its channel, its replication state, and
 * the game MESSAGEs waiting for the next send tick. The room's thread only.
 */
final class Client {
    final int seat;
    final boolean spectator;
    final ClientChannel channel;
    final Replica replica;
    /** Game MESSAGE frames written after the next state update; shared buffers for a broadcast. */
    final ArrayDeque<Buffer> outbox = new ArrayDeque<>();
    long congestedSince;
    long oldestUnsentInput;
    boolean closing;

    Client(int seat, boolean spectator, ClientChannel channel, Replica replica) {
        this.seat = seat;
        this.spectator = spectator;
        this.channel = channel;
        this.replica = replica;
    }

    /** Writes the queued MESSAGEs, oldest first. */
    void flushOutbox() {
        Buffer frame;
        while ((frame = outbox.poll()) != null) {
            channel.write(frame);
        }
    }
}
