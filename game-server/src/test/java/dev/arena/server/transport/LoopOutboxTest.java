package dev.arena.server.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.DefaultEventLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-over of rooms' frames to a socket thread, on a real Netty event
 * loop, fed from this test's thread as a room's worker feeds it: what two
 * rooms queue while the loop is busy reaches it as one batch (every write,
 * then one flush per socket), in the order queued, and a hand-over while one
 * is waiting adds no task.
 */
class LoopOutboxTest {
    private final DefaultEventLoop loop = new DefaultEventLoop();
    /** What the sockets saw, in order; written on the loop, read after the loop has run everything. */
    private final List<String> seen = new ArrayList<>();

    @AfterEach
    void stopLoop() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** A socket as the outbox sees it: it writes, and flushes once what it wrote since the last flush. */
    private final class Socket implements LoopOutbox.Target {
        final String name;
        boolean unflushed;

        Socket(String name) {
            this.name = name;
        }

        @Override
        public void writeQueued(ByteBuf frame) {
            assertThat(loop.inEventLoop()).isTrue();
            seen.add(name + " <- " + frame.toString(StandardCharsets.US_ASCII));
            frame.release();
            unflushed = true;
        }

        @Override
        public void flushQueued() {
            if (unflushed) {
                unflushed = false;
                seen.add(name + " flush");
            }
        }
    }

    private static ByteBuf frame(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
    }

    private void awaitLoopIdle() throws Exception {
        loop.submit(() -> { }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void twoRoomsTicksQueuedWhileTheLoopIsBusyArriveAsOneBatchWithOneFlushPerSocket() throws Exception {
        LoopOutbox outbox = new LoopOutbox(loop);
        Socket a = new Socket("a");
        Socket b = new Socket("b");
        Socket c = new Socket("c");
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(1);
        loop.execute(() -> {
            running.countDown();
            try {
                busy.await(10, TimeUnit.SECONDS); // the loop is reading other sockets meanwhile
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        // Room 1's send tick: a delta to a and b, then a game message to a.
        outbox.add(a, frame("delta1"));
        outbox.add(b, frame("delta1"));
        outbox.add(a, frame("message"));
        outbox.handOver();
        // Room 2's, while the first hand-over still waits for the loop.
        outbox.add(c, frame("delta2"));
        outbox.handOver();
        assertThat(loop.pendingTasks()).as("the busy task, then one drain for both rooms").isEqualTo(1);

        busy.countDown();
        awaitLoopIdle();
        assertThat(seen).containsExactly("a <- delta1", "b <- delta1", "a <- message", "c <- delta2",
                "a flush", "b flush", "c flush");
    }

    @Test
    void framesQueuedAfterAHandOverWaitForTheNextOne() throws Exception {
        LoopOutbox outbox = new LoopOutbox(loop);
        Socket a = new Socket("a");
        outbox.add(a, frame("tick1"));
        outbox.handOver();
        awaitLoopIdle();
        outbox.add(a, frame("tick2"));
        awaitLoopIdle();
        assertThat(seen).as("nothing is written without a hand-over").containsExactly("a <- tick1", "a flush");

        outbox.handOver();
        awaitLoopIdle();
        outbox.handOver(); // nothing queued: no task
        assertThat(loop.pendingTasks()).isZero();
        assertThat(seen).containsExactly("a <- tick1", "a flush", "a <- tick2", "a flush");
    }
}
