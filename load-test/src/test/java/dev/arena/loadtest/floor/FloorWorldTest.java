package dev.arena.loadtest.floor;

import com.esotericsoftware.kryo.io.Output;
import dev.arena.server.game.arena.ArenaGame;
import dev.arena.server.protocol.Delta;
import dev.arena.server.protocol.EntityChange;
import dev.arena.server.protocol.EntityRecord;
import dev.arena.server.protocol.FrameCodec;
import dev.arena.server.protocol.Snapshot;
import dev.arena.server.state.ReplicatedWorld;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The floor's SNAPSHOT and DELTA frames are valid protocol: the game
 * server's own codec decodes them and its {@link ReplicatedWorld} applies
 * them, every DELTA has exactly the configured size, and the client's own
 * player carries the seq the floor was given, however far it moved.
 */
class FloorWorldTest {
    private final FrameCodec codec = new FrameCodec();

    @Test
    void deltasOfTheArenaBenchSizeCarryTheLatestSeqAndApplyToTheSnapshot() {
        FloorWorld world = new FloorWorld(FloorSettings.ARENA_BENCH_UPDATE_BYTES);
        ReplicatedWorld client = new ReplicatedWorld();
        int tick = FloorWorld.FIRST_TICK + 5;
        client.apply((Snapshot) codec.decodeServer(snapshot(world, tick, "bot7", 0)));
        assertThat(client.size()).isEqualTo(world.entityCount());
        assertThat(client.get(FloorWorld.OWN_ID).label()).isEqualTo("bot7");
        assertThat(client.get(FloorWorld.OWN_ID).kind()).isEqualTo(ArenaGame.KIND_PLAYER);

        // An input a tick, none, several, then seq gaps whose zigzag takes one, two and three bytes.
        int seq = 0;
        for (int step : new int[]{1, 1, 0, 3, 1, 63, 64, 8191, 8192, 1_048_575, 1, 0, 0}) {
            tick++;
            byte[] frame = delta(world, tick, step);
            seq += step;
            assertThat(frame).as("DELTA at seq step %d", step).hasSize(FloorSettings.ARENA_BENCH_UPDATE_BYTES);
            Delta delta = (Delta) codec.decodeServer(frame);
            assertThat(delta.baselineTick()).isEqualTo(tick - 1);
            assertThat(delta.removed()).isEmpty();
            assertThat(delta.spawns()).isEmpty();
            assertThat(delta.changed()).as("every entity moves").hasSize(world.entityCount());
            for (EntityChange change : delta.changed()) {
                assertThat(change.diffs()).as("a mask bit only for a changed field").doesNotContain(0);
            }
            client.apply(delta);
            assertThat(client.get(FloorWorld.OWN_ID).fields()[ArenaGame.FIELD_LAST_SEQ]).isEqualTo(seq);
        }
        // The shared tail moves everyone else exactly as a fresh SNAPSHOT of the same tick has them.
        ReplicatedWorld fresh = new ReplicatedWorld();
        fresh.apply((Snapshot) codec.decodeServer(snapshot(world, tick, "bot7", seq)));
        assertThat(others(client.entities())).isEqualTo(others(fresh.entities()));
    }

    @ParameterizedTest
    @ValueSource(ints = {FloorWorld.MIN_UPDATE_BYTES, 17, 18, 19, 20, 87, 100, 101, 102, 171, 172, 173, 299, FloorWorld.MAX_UPDATE_BYTES})
    void everyDeltaHasTheConfiguredSizeAndDecodes(int updateBytes) {
        FloorWorld world = new FloorWorld(updateBytes);
        ReplicatedWorld client = new ReplicatedWorld();
        client.apply((Snapshot) codec.decodeServer(snapshot(world, FloorWorld.FIRST_TICK, "p", 10)));
        for (int i = 1; i <= 3; i++) {
            byte[] frame = delta(world, FloorWorld.FIRST_TICK + i, i == 2 ? 0 : 1);
            assertThat(frame).hasSize(updateBytes);
            client.apply((Delta) codec.decodeServer(frame));
        }
        assertThat(client.get(FloorWorld.OWN_ID).fields()[ArenaGame.FIELD_LAST_SEQ]).isEqualTo(12);
    }

    @Test
    void theWholeRangeOfSizesIsExact() {
        for (int n = FloorWorld.MIN_UPDATE_BYTES; n <= FloorWorld.MAX_UPDATE_BYTES; n++) {
            FloorWorld world = new FloorWorld(n);
            assertThat(delta(world, FloorWorld.FIRST_TICK + 1, 1)).as("%d bytes", n).hasSize(n);
            assertThat(codec.decodeServer(delta(world, FloorWorld.LAST_TICK, 0))).isInstanceOf(Delta.class);
        }
    }

    @Test
    void whatADeltaCannotCarryIsLeftToASnapshot() {
        assertThat(FloorWorld.deltaFits(FloorWorld.FIRST_TICK, 1_048_575)).isTrue();
        assertThat(FloorWorld.deltaFits(FloorWorld.FIRST_TICK, 1_048_576)).as("a 4-byte lastSeq diff").isFalse();
        assertThat(FloorWorld.deltaFits(FloorWorld.FIRST_TICK, -1)).as("a client whose seq went back").isTrue();
        assertThat(FloorWorld.deltaFits(FloorWorld.LAST_TICK + 1, 1)).as("a 4-byte tick").isFalse();
    }

    private static byte[] snapshot(FloorWorld world, int tick, String name, int seq) {
        Output out = new Output(256, FrameCodec.MAX_ENCODED_BYTES);
        world.writeSnapshot(out, tick, name, seq);
        return out.toBytes();
    }

    private static byte[] delta(FloorWorld world, int tick, int seqDiff) {
        ByteBuf buf = Unpooled.buffer();
        world.writeDelta(buf, tick, seqDiff);
        return ByteBufUtil.getBytes(buf);
    }

    private static List<EntityRecord> others(List<EntityRecord> entities) {
        return entities.stream().filter(e -> e.id() != FloorWorld.OWN_ID).toList();
    }
}
