package dev.arena.server.room;

import dev.arena.server.metrics.MicrometerGameMetrics;
import dev.arena.server.protocol.GameMessage;
import dev.arena.server.protocol.Input;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The room's input queue hands the game the inputs (their values) and the
 * very message records connections offered, each with its sender and
 * arrival time, in order, once; it holds
 * at most its capacity between two drains and counts what it drops.
 */
class InputQueueTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final InputQueue queue = new InputQueue(4, new MicrometerGameMetrics(registry));

    @Test
    void aDrainReturnsTheOfferedInputsWithTheirSenderAndArrivalInOrder() {
        Input first = new Input(1, 1, 0, 0);
        Input second = new Input(2, 0, 1, 0);
        assertThat(offer(queue, 7, first, 100)).isTrue();
        assertThat(offer(queue, 9, second, 200)).isTrue();

        InputQueue.Batch batch = queue.drain();

        assertThat(batch.size()).isEqualTo(2);
        assertThat(batch.message(0)).as("an input, not a message").isNull();
        assertThat(batch.input(0)).isEqualTo(first);
        assertThat(batch.playerId(0)).isEqualTo(7);
        assertThat(batch.arrivalNanos(0)).isEqualTo(100);
        assertThat(batch.input(1)).isEqualTo(second);
        assertThat(batch.playerId(1)).isEqualTo(9);
        assertThat(batch.arrivalNanos(1)).isEqualTo(200);
        assertThat(queue.drain().size()).as("each input is drained once").isZero();
    }

    @Test
    void gameMessagesShareTheQueueAndItsArrivalOrderWithInputs() {
        Input input = new Input(1, 1, 0, 0);
        GameMessage chat = new GameMessage(1, new byte[] {'h', (byte) ('i' | 0x80)});
        queue.offer(7, chat, 100);
        offer(queue, 7, input, 200);

        InputQueue.Batch batch = queue.drain();

        assertThat(batch.size()).isEqualTo(2);
        assertThat(batch.message(0)).isSameAs(chat);
        assertThat(batch.message(1)).isNull();
        assertThat(batch.input(1)).isEqualTo(input);
    }

    @Test
    void anInputsValuesOfferedByAConnectionReachTheGameBitForBit() {
        // What a connection offers (FrameCodec.decodeInput): values, no record; the room makes the game's record.
        assertThat(queue.offerInput(3, Integer.MAX_VALUE, -0.0f, Float.MIN_VALUE, 0x7fff_ffff, 42)).isTrue();
        assertThat(queue.offerInput(4, -5, 1e30f, -1e30f, -1, 43)).isTrue();

        InputQueue.Batch batch = queue.drain();

        assertThat(batch.size()).isEqualTo(2);
        assertThat(batch.input(0)).isEqualTo(new Input(Integer.MAX_VALUE, -0.0f, Float.MIN_VALUE, 0x7fff_ffff));
        assertThat(Float.floatToRawIntBits(batch.input(0).dx())).as("negative zero kept").isEqualTo(0x8000_0000);
        assertThat(batch.playerId(1)).isEqualTo(4);
        assertThat(batch.arrivalNanos(1)).isEqualTo(43);
        assertThat(batch.input(1)).isEqualTo(new Input(-5, 1e30f, -1e30f, -1));
    }

    @Test
    void overCapacityBetweenTwoDrainsTheNewestAreDroppedAndCounted() {
        for (int i = 1; i <= 6; i++) {
            assertThat(offer(queue, 1, new Input(i, 0, 0, 0), i)).isEqualTo(i <= 4);
        }
        assertThat(registry.get("arena.inputs.dropped").counter().count()).isEqualTo(2);
        InputQueue.Batch batch = queue.drain();
        assertThat(batch.size()).isEqualTo(4);
        assertThat(batch.input(3).seq()).isEqualTo(4);

        assertThat(offer(queue, 1, new Input(7, 0, 0, 0), 7)).as("room again after a drain").isTrue();
        assertThat(queue.drain().input(0).seq()).isEqualTo(7);
    }

    @Test
    void inputsOfferedFromSeveralThreadsWhileTheRoomDrainsArriveExactlyOnceAndInOrderPerSender() throws Exception {
        InputQueue big = new InputQueue(1024, new MicrometerGameMetrics(registry));
        int senders = 4;
        int perSender = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> offered = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int player = s;
            offered.add(pool.submit(() -> {
                go.await();
                int accepted = 0;
                for (int seq = 1; seq <= perSender; seq++) {
                    if (offer(big, player, new Input(seq, 0, 0, 0), seq)) {
                        accepted++;
                    }
                }
                return accepted;
            }));
        }
        int[] lastSeq = new int[senders];
        int received = 0;
        go.countDown();
        boolean sendersDone = false;
        while (!sendersDone) {
            sendersDone = offered.stream().allMatch(Future::isDone);
            InputQueue.Batch batch = big.drain();
            for (int i = 0; i < batch.size(); i++) {
                int player = batch.playerId(i);
                Input input = batch.input(i);
                assertThat(input.seq()).as("sender %d in order", player).isGreaterThan(lastSeq[player]);
                assertThat(batch.arrivalNanos(i)).as("arrival kept beside its input").isEqualTo(input.seq());
                lastSeq[player] = input.seq();
                received++;
            }
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        int accepted = 0;
        for (Future<Integer> f : offered) {
            accepted += f.get();
        }
        assertThat(received).as("every accepted input, once").isEqualTo(accepted);
        assertThat(accepted + registry.get("arena.inputs.dropped").counter().count()).isEqualTo(senders * perSender);
    }

    /** Offers an input as a connection does: its values. */
    private static boolean offer(InputQueue queue, int playerId, Input input, long arrivalNanos) {
        return queue.offerInput(playerId, input.seq(), input.dx(), input.dy(), input.buttons(), arrivalNanos);
    }
}
