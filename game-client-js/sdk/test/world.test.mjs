// The world model: SNAPSHOT replaces, DELTA applies against the baseline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StateError, World } from '@arena/sdk';

const ann = { id: 1, kind: 1, label: 'ann', fields: [4000, 4000, 0, 0] };
const orb2 = { id: 2, kind: 2, label: null, fields: [100, 200] };
const orb3 = { id: 3, kind: 2, label: null, fields: [300, 400] };

function worldAt(tick, entities) {
  const world = new World();
  world.applySnapshot({ tick, entities });
  return world;
}

function plain(world) {
  return [...world.values()].sort((a, b) => a.id - b.id);
}

test('a snapshot replaces the whole state', () => {
  const world = worldAt(5, [ann, orb2]);
  world.applySnapshot({ tick: 9, entities: [orb3] });
  assert.equal(world.tick, 9);
  assert.deepEqual(plain(world), [orb3]);
});

test('a snapshot is copied, so later deltas do not change the decoded message', () => {
  const snapshot = { tick: 1, entities: [structuredClone(ann)] };
  const world = new World();
  world.applySnapshot(snapshot);
  world.applyDelta({ tick: 2, baselineTick: 1, removed: [], spawns: [], changed: [{ id: 1, mask: 1, diffs: [5] }] });
  assert.equal(snapshot.entities[0].fields[0], 4000);
  assert.equal(world.get(1).fields[0], 4005);
});

test('a delta removes, spawns and changes fields, lowest mask bit first', () => {
  const world = worldAt(10, [ann, orb2, orb3]);
  world.applyDelta({
    tick: 11,
    baselineTick: 10,
    removed: [2],
    spawns: [{ id: 4, kind: 2, label: null, fields: [7, 8] }],
    changed: [
      { id: 1, mask: 0b1011, diffs: [40, -40, 1] }, // x, y, score; lastSeq unchanged
      { id: 3, mask: 0b10, diffs: [-400] },
    ],
  });
  assert.equal(world.tick, 11);
  assert.deepEqual(plain(world), [
    { id: 1, kind: 1, label: 'ann', fields: [4040, 3960, 0, 1] },
    { id: 3, kind: 2, label: null, fields: [300, 0] },
    { id: 4, kind: 2, label: null, fields: [7, 8] },
  ]);
  // The result is the baseline of the next delta.
  world.applyDelta({ tick: 12, baselineTick: 11, removed: [4], spawns: [], changed: [{ id: 1, mask: 4, diffs: [3] }] });
  assert.deepEqual(world.get(1).fields, [4040, 3960, 3, 1]);
  assert.equal(world.size, 2);
});

test('diffs wrap at 32 bits like Java ints', () => {
  const world = worldAt(1, [{ id: 1, kind: 2, label: null, fields: [2147483647, -2147483648] }]);
  world.applyDelta({ tick: 2, baselineTick: 1, removed: [], spawns: [], changed: [{ id: 1, mask: 3, diffs: [1, -1] }] });
  assert.deepEqual(world.get(1).fields, [-2147483648, 2147483647]);
});

test('a delta whose baseline the client does not hold is refused and changes nothing', () => {
  const world = worldAt(10, [ann]);
  const before = structuredClone(plain(world));
  assert.throws(
    () => world.applyDelta({ tick: 12, baselineTick: 11, removed: [], spawns: [], changed: [{ id: 1, mask: 1, diffs: [1] }] }),
    (e) => e instanceof StateError && /holds tick 10/.test(e.message),
  );
  assert.deepEqual(plain(world), before);
  assert.equal(world.tick, 10);
  assert.throws(() => new World().applyDelta({ tick: 1, baselineTick: 0, removed: [], spawns: [], changed: [] }), StateError);
});

test('deltas naming unknown or existing entities are refused before any change', () => {
  const world = worldAt(10, [ann, orb2]);
  const bad = [
    { removed: [9], spawns: [], changed: [] },
    { removed: [], spawns: [orb2], changed: [] },
    { removed: [], spawns: [], changed: [{ id: 9, mask: 1, diffs: [1] }] },
    { removed: [2], spawns: [], changed: [{ id: 2, mask: 1, diffs: [1] }] },
    { removed: [], spawns: [], changed: [{ id: 2, mask: 4, diffs: [1] }] }, // an orb has 2 fields
  ];
  for (const d of bad) {
    assert.throws(() => world.applyDelta({ tick: 11, baselineTick: 10, ...d }), StateError, JSON.stringify(d));
  }
  assert.equal(world.tick, 10);
  assert.deepEqual(plain(world), [ann, orb2]);
});

test('with views, an entity enters whole below the ids held, leaves, and may come back', () => {
  const world = worldAt(10, [orb3, { id: 9, kind: 2, label: null, fields: [0, 0] }]);
  world.applyDelta({ tick: 11, baselineTick: 10, removed: [9], spawns: [orb2], changed: [] });
  assert.deepEqual(plain(world).map((e) => e.id), [2, 3]);
  world.applyDelta({ tick: 12, baselineTick: 11, removed: [], spawns: [{ id: 9, kind: 2, label: null, fields: [50, 60] }], changed: [] });
  assert.deepEqual(world.get(9).fields, [50, 60], 'back with the fields it has now');
  assert.equal(world.size, 3);
});
