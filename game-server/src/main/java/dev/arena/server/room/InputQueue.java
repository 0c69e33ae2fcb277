package dev.arena.server.room;

import dev.arena.server.metrics.GameMetrics;
import dev.arena.server.protocol.ClientMessage;

/**
 * One room's inbound inputs and game MESSAGEs, handed to a player's
 * connection with its seat ({@link JoinResult#inputs()}): any thread may
 * offer, the room drains it at its next step, in arrival order. Bounded by
 * {@code room.inputQueueSize}; an input or message offered to a full queue
 * is dropped and counted.
 *
 * <p>Why not the event bus: inputs are only read at the next tick, so waking
 * the room's event loop for each one (an event-bus message, a task and an
 * eventfd write per input) buys nothing; this queue is a node-local handle,
 * like the {@link ClientChannel} a room holds for each player.
 *
 * <p>Why parallel arrays: the record the decoder made is the record the game
 * gets ({@link dev.arena.server.game.Game#onInput}); the sender's player id
 * and the frame's arrival time, which only the room needs, are kept beside it
 * in arrays rather than in a wrapper, so an input costs no allocation past
 * its decoding. Two batches take turns: connections fill one under this
 * queue's lock while the room reads the other without it, so game code never
 * runs under the lock.
 */
public final class InputQueue {
    private final GameMetrics metrics;
    private Batch filling;
    private Batch drained;

    public InputQueue(int capacity, GameMetrics metrics) {
        this.metrics = metrics;
        this.filling = new Batch(capacity);
        this.drained = new Batch(capacity);
    }

    /**
     * Queues an INPUT or a game MESSAGE for the room's next step; false (and counted) when the queue is full.
     * Thread-safe.
     *
     * @param arrivalNanos {@link System#nanoTime()} when its frame arrived, for the input-latency metric
     */
    public boolean offer(int playerId, ClientMessage input, long arrivalNanos) {
        boolean added;
        synchronized (this) {
            added = filling.add(playerId, input, arrivalNanos);
        }
        if (!added) {
            metrics.inputDropped();
        }
        return added;
    }

    /**
     * Everything queued since the last call, oldest first; the room's thread
     * only. The batch is valid until the next call.
     */
    Batch drain() {
        Batch empty = drained;
        empty.clear();
        synchronized (this) {
            drained = filling;
            filling = empty;
        }
        return drained;
    }

    /** Inputs and messages in arrival order, each with its sender and arrival time at the same index. */
    static final class Batch {
        private final int[] playerIds;
        private final ClientMessage[] inputs;
        private final long[] arrivals;
        private int size;

        Batch(int capacity) {
            playerIds = new int[capacity];
            inputs = new ClientMessage[capacity];
            arrivals = new long[capacity];
        }

        private boolean add(int playerId, ClientMessage input, long arrivalNanos) {
            if (size == inputs.length) {
                return false;
            }
            playerIds[size] = playerId;
            inputs[size] = input;
            arrivals[size++] = arrivalNanos;
            return true;
        }

        private void clear() {
            // Drops the references, so a quiet room does not keep its last inputs alive.
            java.util.Arrays.fill(inputs, 0, size, null);
            size = 0;
        }

        int size() {
            return size;
        }

        int playerId(int i) {
            return playerIds[i];
        }

        ClientMessage input(int i) {
            return inputs[i];
        }

        long arrivalNanos(int i) {
            return arrivals[i];
        }
    }
}
