package dev.arena.loadtest.floor;

import dev.arena.server.game.arena.ArenaGame;
import dev.arena.server.protocol.ClientMessage;
import dev.arena.server.protocol.Delta;
import dev.arena.server.protocol.FrameCodec;
import dev.arena.server.protocol.Input;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.Leave;
import dev.arena.server.protocol.Ping;
import dev.arena.server.protocol.ServerMessage;
import dev.arena.server.protocol.Snapshot;
import dev.arena.server.protocol.Welcome;
import dev.arena.server.state.ReplicatedWorld;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One floor event loop's ticks on Netty's {@link EmbeddedChannel}, whose
 * clock the test moves: a joined client gets exactly one write and flush a
 * tick (a PING before it every ping interval), a congested one is skipped
 * and then caught up with a SNAPSHOT, and one that left gets nothing.
 */
class FloorLoopTest {
    private static final long TICK_MILLIS = 50;

    private final FrameCodec codec = new FrameCodec();
    private final ReplicatedWorld world = new ReplicatedWorld();
    private final AtomicInteger flushes = new AtomicInteger();
    private EmbeddedChannel channel;

    @BeforeEach
    void joinOneClient() {
        // A PING every 2 ticks, so the test sees several.
        FloorSettings settings = new FloorSettings("127.0.0.1", 0, 1, FloorSettings.ARENA_BENCH_UPDATE_BYTES, 20, 100, 65536);
        channel = new EmbeddedChannel();
        channel.freezeTime();
        FloorLoop loop = new FloorLoop(channel.eventLoop(), new FloorWorld(settings.updateBytes()), settings, new AtomicInteger());
        loop.start();
        channel.pipeline().addLast(new ChannelOutboundHandlerAdapter() {
            @Override
            public void flush(ChannelHandlerContext ctx) {
                flushes.incrementAndGet();
                ctx.flush();
            }
        }, new FloorSession(loop));
        send(new Join(null, "ann"));
        List<ServerMessage> joined = written();
        assertThat(joined).hasSize(2);
        assertThat(((Welcome) joined.get(0)).roomId()).isEqualTo("floor-1");
        assertThat(joined.get(1)).isInstanceOf(Snapshot.class);
        flushes.set(0);
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void everyTickIsOneDeltaWithOneFlushAndAPingGoesBeforeItEveryInterval() {
        int pings = 0;
        for (int tick = 1; tick <= 6; tick++) {
            send(new Input(tick, 1, 0, 0));
            List<ServerMessage> sent = tick();
            assertThat(sent.get(sent.size() - 1)).isInstanceOf(Delta.class);
            assertThat(sent).hasSizeBetween(1, 2);
            if (sent.size() == 2) {
                assertThat(sent.get(0)).isInstanceOf(Ping.class);
                pings++;
            }
            assertThat(flushes.getAndSet(0)).as("flushes, one per frame").isEqualTo(sent.size());
            assertThat(lastSeq()).isEqualTo(tick);
        }
        assertThat(pings).as("one PING every 2 ticks").isEqualTo(3);
    }

    @Test
    void aCongestedClientIsSkippedThenCaughtUpWithASnapshot() {
        tick();
        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
        send(new Input(1, 1, 0, 0));
        send(new Input(2, 1, 0, 0));
        assertThat(tick()).as("nothing for a client whose socket is full").isEmpty();
        assertThat(tick()).isEmpty();

        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, true);
        List<ServerMessage> caughtUp = tick();
        assertThat(caughtUp.get(caughtUp.size() - 1)).isInstanceOf(Snapshot.class);
        assertThat(lastSeq()).isEqualTo(2);
        send(new Input(3, 1, 0, 0));
        List<ServerMessage> next = tick();
        assertThat(next.get(next.size() - 1)).as("deltas again from the snapshot").isInstanceOf(Delta.class);
        assertThat(lastSeq()).isEqualTo(3);
    }

    @Test
    void aClientThatLeftOrClosedGetsNothing() {
        assertThat(tick()).isNotEmpty();
        send(new Leave());
        assertThat(tick()).isEmpty();

        send(new Join("floor-1", "ann"));
        assertThat(((Welcome) written().get(0)).roomId()).as("a JOIN by room id stays in it").isEqualTo("floor-1");
        assertThat(tick()).isNotEmpty();
        channel.close();
        assertThat(tick()).isEmpty();
    }

    /** Moves the loop's clock by one tick and returns what it wrote. */
    private List<ServerMessage> tick() {
        channel.advanceTimeBy(TICK_MILLIS, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        return written();
    }

    /** Frames written so far, decoded with the game server's codec; state updates are applied to the client's world. */
    private List<ServerMessage> written() {
        List<ServerMessage> out = new ArrayList<>();
        for (Object frame; (frame = channel.readOutbound()) != null; ) {
            BinaryWebSocketFrame binary = (BinaryWebSocketFrame) frame;
            ServerMessage message = codec.decodeServer(ByteBufUtil.getBytes(binary.content()));
            binary.release();
            world.applyIfUpdate(message);
            out.add(message);
        }
        return out;
    }

    private int lastSeq() {
        return world.get(FloorWorld.OWN_ID).fields()[ArenaGame.FIELD_LAST_SEQ];
    }

    private void send(ClientMessage message) {
        channel.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(codec.encode(message))));
    }
}
