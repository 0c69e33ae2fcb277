// Steering directions and the pacing of INPUT messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keysToDirection, normalize, pointerToDirection, significantlyDifferent, STILL } from '@arena/sdk';
import { InputScheduler } from '@arena/sdk';

const near = (a, b) => Math.abs(a.dx - b.dx) < 1e-12 && Math.abs(a.dy - b.dy) < 1e-12;

test('keys give unit directions; opposite keys cancel; WASD and arrows do not add up', () => {
  assert.deepEqual(keysToDirection(['KeyD']), { dx: 1, dy: 0 });
  assert.deepEqual(keysToDirection(['ArrowUp']), { dx: 0, dy: -1 });
  assert.ok(near(keysToDirection(['KeyW', 'KeyD']), { dx: Math.SQRT1_2, dy: -Math.SQRT1_2 }), 'diagonal is not faster');
  assert.deepEqual(keysToDirection(['KeyA', 'KeyD']), STILL);
  assert.deepEqual(keysToDirection(['KeyD', 'ArrowRight']), { dx: 1, dy: 0 });
  assert.deepEqual(keysToDirection(['KeyQ']), STILL);
});

test('the pointer steers from the player towards it, with a dead zone', () => {
  assert.deepEqual(pointerToDirection({ x: 100, y: 100 }, { x: 100, y: 200 }), { dx: 0, dy: 1 });
  assert.ok(near(pointerToDirection({ x: 0, y: 0 }, { x: 30, y: -40 }), { dx: 0.6, dy: -0.8 }));
  assert.deepEqual(pointerToDirection({ x: 0, y: 0 }, { x: 3, y: 3 }, 8), STILL);
  assert.deepEqual(normalize(0, 0), STILL);
});

test('small turns are not urgent; starting, stopping and real turns are', () => {
  assert.equal(significantlyDifferent(null, STILL), true);
  assert.equal(significantlyDifferent(STILL, { dx: 1, dy: 0 }), true);
  assert.equal(significantlyDifferent({ dx: 1, dy: 0 }, STILL), true);
  assert.equal(significantlyDifferent(STILL, STILL), false);
  assert.equal(significantlyDifferent({ dx: 1, dy: 0 }, normalize(1, 0.05)), false);
  assert.equal(significantlyDifferent({ dx: 1, dy: 0 }, { dx: 0, dy: 1 }), true);
});

test('inputs are due every interval, at once on a change, never closer than minGap', () => {
  const s = new InputScheduler({ intervalMs: 50, minGapMs: 25 });
  const right = { dx: 1, dy: 0 };
  const down = { dx: 0, dy: 1 };
  assert.equal(s.due(0, right), true, 'the first input goes at once');
  s.sent(0, right);
  assert.equal(s.due(30, right), false);
  assert.equal(s.due(48, right), true, 'timer jitter of 2 ms is tolerated');
  s.sent(48, right);
  assert.equal(s.due(60, down), false, 'a change 12 ms after a send waits for minGap');
  assert.equal(s.due(73, down), true);
  s.sent(73, down);
  s.reset();
  assert.equal(s.due(74, down), true, 'a new room starts at once');
});
