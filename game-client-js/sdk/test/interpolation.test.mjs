// Rendering others in the past, between buffered states, with simulated time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InterpolationBuffer } from '@arena/sdk';
import { TickClock } from '@arena/sdk';
import { RoomState } from '@arena/sdk';

const at = (x, y, extra = {}) => ({ x, y, ...extra });

test('the position between two states is proportional to the render time', () => {
  const buffer = new InterpolationBuffer();
  buffer.push(1000, new Map([[1, at(0, 0)], [2, at(50, 50)]]));
  buffer.push(1050, new Map([[1, at(10, -20)], [2, at(50, 50)]]));
  assert.deepEqual(buffer.sample(1025).get(1), at(5, -10));
  assert.deepEqual(buffer.sample(1040).get(1), at(8, -16));
  assert.deepEqual(buffer.sample(1025).get(2), at(50, 50));
  // Before the oldest: the oldest; past the newest: the newest (no overshoot).
  assert.deepEqual(buffer.sample(900).get(1), at(0, 0));
  assert.deepEqual(buffer.sample(2000).get(1), at(10, -20));
});

test('spawns and removals show when the render time reaches their state', () => {
  const buffer = new InterpolationBuffer();
  buffer.push(0, new Map([[1, at(0, 0)], [2, at(5, 5)]]));
  buffer.push(50, new Map([[1, at(10, 0)], [3, at(7, 7)]]));
  const before = buffer.sample(49);
  assert.deepEqual([...before.keys()], [1, 2], 'orb 2 still drawn, orb 3 not yet');
  assert.deepEqual(before.get(2), at(5, 5), 'a removed entity stays where it was');
  assert.deepEqual([...buffer.sample(50).keys()], [1, 3]);
});

test('a jump longer than the teleport distance is not drawn as a slide', () => {
  const buffer = new InterpolationBuffer({ teleportDistance: 100 });
  buffer.push(0, new Map([[1, at(0, 0)]]));
  buffer.push(50, new Map([[1, at(500, 0)]]));
  assert.deepEqual(buffer.sample(25).get(1), at(0, 0));
  assert.deepEqual(buffer.sample(50).get(1), at(500, 0));
});

test('other properties come along with the position', () => {
  const buffer = new InterpolationBuffer();
  buffer.push(0, new Map([[1, at(0, 0, { label: 'ann', kind: 1 })]]));
  buffer.push(100, new Map([[1, at(10, 0, { label: 'ann', kind: 1 })]]));
  assert.deepEqual(buffer.sample(50).get(1), { x: 5, y: 0, label: 'ann', kind: 1 });
});

test('the buffer keeps about historyMs of states', () => {
  const buffer = new InterpolationBuffer({ historyMs: 200 });
  for (let t = 0; t <= 1000; t += 50) buffer.push(t, new Map([[1, at(t, 0)]]));
  assert.ok(buffer.samples.length <= 6, `kept ${buffer.samples.length} states`);
  assert.equal(buffer.newestTime, 1000);
});

test('the tick clock maps ticks to local time by the least-delayed arrival', () => {
  const clock = new TickClock({ tickHz: 20 });
  // Tick t is produced at local 50 t + 7; it arrives 30 ms later, plus 0..40 ms of jitter.
  const jitter = [0, 35, 10, 40, 5, 25, 0, 15];
  for (let tick = 0; tick < 200; tick++) clock.observe(tick, tick * 50 + 7 + 30 + jitter[tick % jitter.length]);
  // After the slew, the newest data is "now" at tick time + 37 ms (the minimum delay).
  assert.ok(Math.abs(clock.serverTimeAt(10000 + 37) - 10000) < 1, `${clock.serverTimeAt(10037)}`);
});

test('the tick clock never jumps: it slews at most maxSlew', () => {
  const clock = new TickClock({ tickHz: 20, maxSlew: 0.05 });
  clock.observe(0, 100); // first arrival was late by 60 ms
  let previous = clock.serverTimeAt(100);
  for (let now = 101; now < 3000; now++) {
    if (now % 50 === 40) clock.observe((now - 40) / 50, now);
    const t = clock.serverTimeAt(now);
    assert.ok(t - previous >= 0.95 - 1e-9 && t - previous <= 1.05 + 1e-9, `render clock step ${t - previous} at ${now}`);
    previous = t;
  }
  assert.ok(Math.abs(clock.serverTimeAt(3000) - 2960) < 1e-6, 'converged to the 40 ms offset');
});

test('others move smoothly at constant speed despite arrival jitter (RoomState, simulated time)', () => {
  const welcome = {
    protocolVersion: 2, playerId: 1, roomId: 'r1', game: 'g', flags: 0, privateCode: null, tickHz: 20, sendHz: 20,
    serverTime: 0, worldWidth: 2000, worldHeight: 2000, positionScale: 4, params: {},
  };
  // The game's view: fields 0 and 1 are x and y, quantized by positionScale.
  const room = new RoomState(welcome, { view: (e, w) => ({ x: e.fields[0] / w.positionScale, y: e.fields[1] / w.positionScale }) });
  // Entity 2 (an orb) moves +1 unit per tick (20 units/s); deltas arrive 30 ms + jitter after their tick.
  const jitter = [0, 30, 12, 45, 3, 20, 38, 8];
  const arrivals = [];
  for (let tick = 1; tick <= 100; tick++) arrivals.push({ tick, time: tick * 50 + 30 + jitter[tick % jitter.length] });
  arrivals.sort((a, b) => a.time - b.time);
  let next = 0;
  let sent = null;
  const xs = [];
  for (let now = 0; now <= 5200; now += 1000 / 60) {
    while (next < arrivals.length && arrivals[next].time <= now) {
      const { tick } = arrivals[next++];
      const ann = { id: 1, kind: 1, label: 'ann', fields: [0, 0, 0, 0] };
      const orb = { id: 2, kind: 2, label: null, fields: [tick * 4, 400] };
      if (sent === null) room.applySnapshot({ tick, entities: [ann, orb] }, now);
      else room.applyDelta({ tick, baselineTick: sent, removed: [], spawns: [], changed: [{ id: 2, mask: 1, diffs: [4] }] }, now);
      sent = tick;
    }
    const orb = room.view(now).find((e) => e.id === 2);
    if (orb && now > 1500 && now < 5000) xs.push(orb.x);
  }
  const speed = 20 / 60; // units per frame
  for (let i = 1; i < xs.length; i++) {
    const step = xs[i] - xs[i - 1];
    assert.ok(step > speed * 0.9 && step < speed * 1.1, `frame ${i}: step ${step.toFixed(3)} (expected about ${speed.toFixed(3)})`);
  }
  assert.equal(room.view(5200).find((e) => e.id === 2).y, 100);
});

test('a room of a game whose entities have no position carries their views as they are', () => {
  const welcome = {
    protocolVersion: 2, playerId: 1, roomId: 'r1', game: 'board', flags: 0, privateCode: null, tickHz: 4, sendHz: 4,
    serverTime: 0, worldWidth: 7, worldHeight: 6, positionScale: 1, params: {},
  };
  const room = new RoomState(welcome, { view: (e) => ({ cell: e.fields[0] }) });
  room.applySnapshot({ tick: 1, entities: [{ id: 5, kind: 3, label: null, fields: [2] }] }, 0);
  room.applyDelta({ tick: 2, baselineTick: 1, removed: [], spawns: [], changed: [{ id: 5, mask: 1, diffs: [1] }] }, 250);
  for (const now of [300, 500, 1000]) {
    const cell = room.view(now).find((e) => e.id === 5);
    assert.ok(cell.cell === 2 || cell.cell === 3, `a whole cell value at ${now}: ${cell.cell}`);
    assert.equal(cell.x, undefined);
  }
  assert.equal(room.ownPosition(0), null, 'no position, no prediction');
  assert.equal(room.latest()[0].cell, 3);
});

test('an entity entering the view appears at its first position, never sliding in', () => {
  const buffer = new InterpolationBuffer();
  buffer.push(0, new Map([[1, at(0, 0)]]));
  buffer.push(50, new Map([[1, at(10, 0)], [7, at(300, 300)]]));
  buffer.push(100, new Map([[1, at(20, 0)], [7, at(305, 300)]]));
  assert.equal(buffer.sample(49).has(7), false, 'not drawn before its state');
  assert.deepEqual(buffer.sample(50).get(7), at(300, 300));
  assert.deepEqual(buffer.sample(75).get(7), at(302.5, 300));
});

test('an entity leaving the view keeps moving as it did until it is gone, then disappears', () => {
  const buffer = new InterpolationBuffer();
  buffer.push(0, new Map([[1, at(0, 0)], [5, at(0, 0)]]));
  buffer.push(50, new Map([[1, at(0, 0)], [5, at(10, -4)]]));
  buffer.push(100, new Map([[1, at(0, 0)]]));
  assert.deepEqual(buffer.sample(75).get(5), at(15, -6), 'half an interval further along');
  assert.equal(buffer.sample(100).has(5), false);
  assert.equal(buffer.sample(140).has(5), false);
});

test('an entity that left and came back elsewhere is not drawn sliding across', () => {
  const buffer = new InterpolationBuffer({ teleportDistance: 100 });
  buffer.push(0, new Map([[5, at(0, 0)]]));
  buffer.push(50, new Map());
  buffer.push(100, new Map([[5, at(900, 900)]]));
  assert.deepEqual(buffer.sample(25).get(5), at(0, 0), 'no motion known: it stays until it is gone');
  assert.equal(buffer.sample(75).has(5), false, 'out of view: absent');
  assert.deepEqual(buffer.sample(100).get(5), at(900, 900));
});

test('a leaving entity whose last move was a jump is not extrapolated', () => {
  const buffer = new InterpolationBuffer({ teleportDistance: 100 });
  buffer.push(0, new Map([[5, at(0, 0)]]));
  buffer.push(50, new Map([[5, at(500, 0)]]));
  buffer.push(100, new Map());
  assert.deepEqual(buffer.sample(75).get(5), at(500, 0));
});
