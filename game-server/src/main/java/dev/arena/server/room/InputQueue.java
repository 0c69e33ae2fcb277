package dev.arena.server.room;

import dev.arena.server.metrics.GameMetrics;
import dev.arena.server.protocol.GameMessage;
import dev.arena.server.protocol.Input;

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
 * <p>Why parallel arrays: an INPUT is held as its four values beside its
 * sender's player id and arrival time, so the twenty inputs a second of
 * every player cost no allocation on the way to the room and store no
 * young object into this long-lived queue (which the garbage collector's
 * write barrier would have to track); a game MESSAGE, rare, is held as its
 * record. Two batches take turns: connections fill one under this queue's
 * lock while the room reads the other without it, so game code never runs
 * under the lock.
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
     * Queues an INPUT's values for the room's next step; false (and counted) when the queue is full. Thread-safe.
     *
     * @param arrivalNanos {@link System#nanoTime()} when its frame arrived, for the input-latency metric
     */
    public boolean offerInput(int playerId, int seq, float dx, float dy, int buttons, long arrivalNanos) {
        boolean added;
        synchronized (this) {
            added = filling.addInput(playerId, seq, dx, dy, buttons, arrivalNanos);
        }
        return counted(added);
    }

    /** Queues a game MESSAGE, with the inputs and in arrival order, as {@link #offerInput} does. Thread-safe. */
    public boolean offer(int playerId, GameMessage message, long arrivalNanos) {
        boolean added;
        synchronized (this) {
            added = filling.add(playerId, message, arrivalNanos);
        }
        return counted(added);
    }

    private boolean counted(boolean added) {
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
        private final long[] arrivals;
        /** The message at each index, or null where an input's values are. */
        private final GameMessage[] messages;
        private final int[] seqs;
        private final float[] dxs;
        private final float[] dys;
        private final int[] buttons;
        private int size;

        Batch(int capacity) {
            playerIds = new int[capacity];
            arrivals = new long[capacity];
            messages = new GameMessage[capacity];
            seqs = new int[capacity];
            dxs = new float[capacity];
            dys = new float[capacity];
            buttons = new int[capacity];
        }

        private boolean add(int playerId, GameMessage message, long arrivalNanos) {
            if (size == playerIds.length) {
                return false;
            }
            playerIds[size] = playerId;
            messages[size] = message;
            arrivals[size++] = arrivalNanos;
            return true;
        }

        private boolean addInput(int playerId, int seq, float dx, float dy, int pressed, long arrivalNanos) {
            if (!add(playerId, null, arrivalNanos)) {
                return false;
            }
            int i = size - 1;
            seqs[i] = seq;
            dxs[i] = dx;
            dys[i] = dy;
            buttons[i] = pressed;
            return true;
        }

        private void clear() {
            // Drops the references, so a quiet room does not keep its last messages alive.
            java.util.Arrays.fill(messages, 0, size, null);
            size = 0;
        }

        int size() {
            return size;
        }

        int playerId(int i) {
            return playerIds[i];
        }

        long arrivalNanos(int i) {
            return arrivals[i];
        }

        /** The game MESSAGE at {@code i}, or null when it is an input. */
        GameMessage message(int i) {
            return messages[i];
        }

        /** The input at {@code i} (where {@link #message} is null), as the record a game receives. */
        Input input(int i) {
            return new Input(seqs[i], dxs[i], dys[i], buttons[i]);
        }
    }
}
