package dev.arena.server.state;

import dev.arena.server.protocol.Delta;
import dev.arena.server.protocol.EntityChange;
import dev.arena.server.protocol.EntityRecord;
import dev.arena.server.protocol.Snapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A client's state rebuilt from SNAPSHOT and DELTA as PROTOCOL.md says. */
class ReplicatedWorldTest {
    private final ReplicatedWorld world = new ReplicatedWorld();

    private static EntityRecord orb(int id, int x, int y) {
        return new EntityRecord(id, 2, null, new int[]{x, y});
    }

    @Test
    void aSnapshotReplacesTheWholeState() {
        world.apply(new Snapshot(5, List.of(orb(1, 10, 20), orb(3, 30, 40))));
        world.apply(new Snapshot(9, List.of(orb(4, 1, 2))));

        assertThat(world.tick()).isEqualTo(9);
        assertThat(world.size()).isEqualTo(1);
        assertThat(world.get(1)).isNull();
        assertThat(world.get(4).fields()).containsExactly(1, 2);
    }

    @Test
    void aDeltaRemovesSpawnsAndChangesFields() {
        world.apply(new Snapshot(5, List.of(orb(1, 10, 20), orb(2, 0, 0), orb(3, 30, 40), orb(7, 5, 5))));

        world.apply(new Delta(6, 5, new int[]{2, 7}, List.of(orb(8, 100, 200), orb(9, 1, 1)),
                List.of(new EntityChange(1, 0b10, new int[]{-5}), new EntityChange(3, 0b11, new int[]{1, -1}))));

        assertThat(world.tick()).isEqualTo(6);
        assertThat(world.entities()).containsExactly(orb(1, 10, 15), orb(3, 31, 39), orb(8, 100, 200), orb(9, 1, 1));
    }

    @Test
    void aSpawnBelowTheLargestIdGoesInItsPlace() {
        world.apply(new Snapshot(1, List.of(orb(1, 0, 0), orb(5, 0, 0))));

        world.apply(new Delta(2, 1, new int[0], List.of(orb(3, 7, 7)), List.of(new EntityChange(5, 1, new int[]{2}))));

        assertThat(world.entities()).extracting(EntityRecord::id).containsExactly(1, 3, 5);
        assertThat(world.get(5).fields()).containsExactly(2, 0);
    }

    @Test
    void diffsWrapAround32Bits() {
        world.apply(new Snapshot(1, List.of(orb(1, Integer.MAX_VALUE, 0))));

        world.apply(new Delta(2, 1, new int[0], List.of(), List.of(new EntityChange(1, 1, new int[]{1}))));

        assertThat(world.get(1).fields()[0]).isEqualTo(Integer.MIN_VALUE);
    }

    @Test
    void theStateGrowsPastItsInitialCapacity() {
        List<EntityRecord> many = new java.util.ArrayList<>();
        for (int id = 1; id <= 300; id++) {
            many.add(orb(id, id, -id));
        }
        world.apply(new Snapshot(1, many));

        assertThat(world.size()).isEqualTo(300);
        assertThat(world.get(300).fields()).containsExactly(300, -300);
    }

    @Test
    void aDeltaAgainstAnotherBaselineOrUnknownEntitiesIsRefused() {
        world.apply(new Snapshot(5, List.of(orb(1, 0, 0))));

        assertThatThrownBy(() -> world.apply(new Delta(7, 6, new int[0], List.of(), List.of())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("baseline 6");
        assertThatThrownBy(() -> world.apply(new Delta(6, 5, new int[]{2}, List.of(), List.of())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("removes unknown entity 2");
        assertThatThrownBy(() -> world.apply(new Delta(6, 5, new int[0], List.of(),
                List.of(new EntityChange(4, 1, new int[]{1})))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("changes unknown entity 4");
    }

    @Test
    void anEntityThatLeftTheViewMayComeBackWhole() {
        world.apply(new Snapshot(1, List.of(orb(2, 0, 0), orb(5, 0, 0))));
        world.apply(new Delta(2, 1, new int[]{5}, List.of(orb(1, 9, 9)), List.of()));
        world.apply(new Delta(3, 2, new int[0], List.of(orb(5, 40, 41)), List.of()));

        assertThat(world.entities()).containsExactly(orb(1, 9, 9), orb(2, 0, 0), orb(5, 40, 41));
    }

    @Test
    void aSpawnOfAnEntityTheClientHoldsIsRefused() {
        world.apply(new Snapshot(1, List.of(orb(2, 0, 0))));

        assertThatThrownBy(() -> world.apply(new Delta(2, 1, new int[0], List.of(orb(2, 1, 1)), List.of())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("spawns entity 2, which the client holds");
    }

    @Test
    void theRecordsHandedInAreCopied() {
        EntityRecord mine = orb(1, 10, 10);
        world.apply(new Snapshot(1, List.of(mine)));

        world.apply(new Delta(2, 1, new int[0], List.of(), List.of(new EntityChange(1, 1, new int[]{5}))));

        assertThat(mine.fields()).containsExactly(10, 10);
        assertThat(world.get(1).fields()).containsExactly(15, 10);
    }
}
