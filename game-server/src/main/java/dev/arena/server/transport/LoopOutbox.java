package dev.arena.server.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;

import java.util.Arrays;

/**
 * Frames on their way from rooms to the sockets of one event loop. Rooms run
 * on a worker pool (a stuck game must never hold a socket's thread), so
 * their frames cross threads; instead of one task per frame, each room
 * queues a whole send tick's frames here and {@link #handOver hands them
 * over} once: one task on the event loop writes them all, then flushes each
 * socket once (one system call per socket, whatever it got). A room that
 * hands over while an earlier hand-over is still waiting for the loop joins
 * it, so a busy loop is woken less, never more.
 *
 * <p>Bounded by what rooms send: at most a tick's frames per socket wait
 * here (a congested socket is skipped, and closed if it stays so). Frames
 * for a socket that closed meanwhile are released unwritten.
 *
 * <p>{@link #add} and {@link #handOver} from any thread; the rest runs on
 * the loop.
 */
final class LoopOutbox {
    /** A socket of the loop, as the outbox sees it: {@link Connection}. On the loop. */
    interface Target {
        /** Writes one frame (the outbox's reference, now the target's), unflushed. */
        void writeQueued(ByteBuf frame);

        /** Flushes what {@link #writeQueued} wrote since the last call, if anything. */
        void flushQueued();
    }

    private final EventLoop loop;
    private final Runnable drain = this::drain;
    /** Guarded by this: what rooms queued, in order, and whether a drain is on its way. */
    private Target[] targets = new Target[256];
    private ByteBuf[] frames = new ByteBuf[256];
    private int size;
    private boolean scheduled;
    /** Guarded by this: the arrays of the last drain, swapped in for rooms to fill while the loop writes. */
    private Target[] spareTargets = new Target[256];
    private ByteBuf[] spareFrames = new ByteBuf[256];

    LoopOutbox(EventLoop loop) {
        this.loop = loop;
    }

    /** Queues {@code frame} (the caller's reference, now this outbox's) for {@code target}. Any thread. */
    synchronized void add(Target target, ByteBuf frame) {
        if (size == targets.length) {
            targets = Arrays.copyOf(targets, size * 2);
            frames = Arrays.copyOf(frames, size * 2);
        }
        targets[size] = target;
        frames[size++] = frame;
    }

    /** Has the loop write what is queued, unless a task to do so is already waiting. Any thread. */
    void handOver() {
        synchronized (this) {
            if (size == 0 || scheduled) {
                return;
            }
            scheduled = true;
        }
        if (loop.inEventLoop()) {
            drain();
        } else {
            loop.execute(drain);
        }
    }

    private void drain() {
        Target[] batch;
        ByteBuf[] batchFrames;
        int n;
        synchronized (this) {
            batch = targets;
            batchFrames = frames;
            n = size;
            // Null while a drain runs: a drain started from inside this one (a write that flushes a channel whose
            // handler hands over again) gets arrays of its own.
            targets = spareTargets != null ? spareTargets : new Target[batch.length];
            frames = spareFrames != null ? spareFrames : new ByteBuf[batch.length];
            spareTargets = null;
            spareFrames = null;
            size = 0;
            scheduled = false;
        }
        for (int i = 0; i < n; i++) {
            batch[i].writeQueued(batchFrames[i]);
        }
        for (int i = 0; i < n; i++) {
            batch[i].flushQueued();
        }
        Arrays.fill(batch, 0, n, null);
        Arrays.fill(batchFrames, 0, n, null);
        synchronized (this) {
            spareTargets = batch;
            spareFrames = batchFrames;
        }
    }
}
