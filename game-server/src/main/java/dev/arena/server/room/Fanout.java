package dev.arena.server.room;

import dev.arena.server.metrics.GameMetrics;
import dev.arena.server.protocol.CloseReason;
import dev.arena.server.state.Replication;

/**
 * A room's send tick: each client whose socket can take it is written the
 * replication's next frame for its replica (one shared frame for every
 * up-to-date client of a room without views), then the game MESSAGEs queued
 * for it; once every client's frames are queued, the channels are flushed, so
 * each socket thread is handed the whole tick at once (not one task per
 * frame) and each socket makes one system call. A congested client is skipped, its replica keeping its older
 * baseline; one congested for longer than {@code tooSlowNanos} is closed with
 * 4002 (a player's seat is then held like any drop). A closing client, or a
 * seat held after a drop, is sent nothing: its replica keeps the baseline a
 * resume starts from. The room's thread only.
 */
final class Fanout {
    private final Seats seats;
    private final Replication replication;
    private final GameMetrics metrics;
    private final long tooSlowNanos;

    Fanout(Seats seats, Replication replication, GameMetrics metrics, long tooSlowNanos) {
        this.seats = seats;
        this.replication = replication;
        this.metrics = metrics;
        this.tooSlowNanos = tooSlowNanos;
    }

    /** Captures the state of {@code tick} and writes it, then the queued MESSAGEs, to every client that can take it. */
    void send(int tick, long nowNanos) {
        replication.capture(tick);
        for (Client client : seats) {
            if (client.closing || !client.connected) {
                continue;
            }
            if (client.channel.writeQueueFull()) {
                skip(client, nowNanos);
                if (client.closing) {
                    continue;
                }
            } else {
                client.congestedSince = 0;
                client.channel.write(replication.nextFrame(client.replica));
                if (client.oldestUnsentInput != 0) {
                    metrics.inputLatency(nowNanos - client.oldestUnsentInput);
                    client.oldestUnsentInput = 0;
                }
            }
            // Messages are few and small, and a game may count on them: written even to a congested
            // socket, whose queue is bounded by the too-slow close.
            client.writeOutbox();
        }
        for (Client client : seats) {
            if (!client.closing && client.connected) {
                client.channel.flush();
            }
        }
    }

    private void skip(Client client, long nowNanos) {
        metrics.snapshotSkipped();
        if (client.congestedSince == 0) {
            client.congestedSince = nowNanos;
        } else if (nowNanos - client.congestedSince > tooSlowNanos) {
            client.closing = true;
            client.channel.closeWithError(CloseReason.TOO_SLOW,
                    "connection too slow: updates backed up for over " + tooSlowNanos / 1_000_000 + " ms");
        }
    }
}
