package dev.arena.server.room;

import dev.arena.server.metrics.GameMetrics;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * One room's inbound inputs, handed to a player's connection with its seat
 * ({@link JoinResult#inputs()}): any thread may offer, the room drains it at
 * its next step. Bounded by {@code room.inputQueueSize}; an input offered to
 * a full queue is dropped and counted.
 *
 * <p>Why not the event bus: inputs are only read at the next tick, so waking
 * the room's event loop for each one (an event-bus message, a task and an
 * eventfd write per input) buys nothing; this queue is a node-local handle,
 * like the {@link ClientChannel} a room holds for each player.
 */
public final class InputQueue {
    private final ArrayBlockingQueue<InputEnvelope> queue;
    private final GameMetrics metrics;

    public InputQueue(int capacity, GameMetrics metrics) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.metrics = metrics;
    }

    /** Queues an input for the room's next step; false (and counted) when the queue is full. Thread-safe. */
    public boolean offer(InputEnvelope input) {
        if (queue.offer(input)) {
            return true;
        }
        metrics.inputDropped();
        return false;
    }

    /** The oldest queued input, or null; the room's thread only. */
    InputEnvelope poll() {
        return queue.poll();
    }
}
