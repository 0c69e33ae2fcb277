// What the renderer, HUD and debug hook read from the room state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RoomState } from '../state/room-state.js';

const WELCOME = { playerId: 2, roomId: 'r1', tickHz: 20, sendHz: 20, serverTime: 0, worldWidth: 2000, worldHeight: 1000, positionScale: 4 };
const entities = [
  { id: 1, kind: 1, label: 'ann', fields: [400, 800, 7, 3] },
  { id: 2, kind: 1, label: 'bob', fields: [4000, 2000, 0, 5] },
  { id: 3, kind: 2, label: null, fields: [1, 2] },
  { id: 4, kind: 1, label: null, fields: [0, 0, 0, 3] },
];

test('positions are in world units (field / positionScale) and players are counted', () => {
  const room = new RoomState(WELCOME);
  room.applySnapshot({ tick: 10, entities }, 0);
  assert.deepEqual(room.latest()[0], { id: 1, kind: 1, label: 'ann', x: 100, y: 200, score: 3, own: false });
  assert.deepEqual(room.latest()[2], { id: 3, kind: 2, label: null, x: 0.25, y: 0.5, score: null, own: false });
  assert.equal(room.playerCount(), 3);
  assert.deepEqual(room.ownPosition(0), { x: 1000, y: 500 });
});

test('the leaderboard is best first, ties by id, own row marked', () => {
  const room = new RoomState(WELCOME);
  room.applySnapshot({ tick: 10, entities }, 0);
  assert.deepEqual(room.leaderboard(), [
    { id: 2, name: 'bob', score: 5, own: true },
    { id: 1, name: 'ann', score: 3, own: false },
    { id: 4, name: '#4', score: 3, own: false },
  ]);
  assert.equal(room.leaderboard(1).length, 1);
});

test('the view draws the own player at its prediction and the others in the past', () => {
  const room = new RoomState(WELCOME);
  room.applySnapshot({ tick: 10, entities }, 1000);
  room.recordInput(1, 1, 0, 1000);
  room.applyDelta({ tick: 11, baselineTick: 10, removed: [], spawns: [], changed: [{ id: 1, mask: 1, diffs: [40] }] }, 1050);
  const view = room.view(1100);
  const own = view.find((e) => e.own);
  assert.equal(own.id, 2);
  assert.deepEqual([own.x, own.y], [1020, 500], 'moved 100 ms right at 200 units/s before any acknowledgement');
  const ann = view.find((e) => e.id === 1);
  assert.equal(room.interpolationDelayMs, 100);
  assert.ok(ann.x >= 100 && ann.x <= 110, `ann drawn between her two states, at ${ann.x}`);
});

test('prediction uses the player speed the server sends in WELCOME, and 200 without it', () => {
  const welcome = { playerId: 1, roomId: 'r1', tickHz: 20, sendHz: 20, serverTime: 0,
    worldWidth: 2000, worldHeight: 2000, positionScale: 4 };
  assert.equal(new RoomState({ ...welcome, params: { playerSpeed: 120 } }).predictor.speed, 120);
  assert.equal(new RoomState({ ...welcome, params: {} }).predictor.speed, 200);
  assert.equal(new RoomState(welcome).predictor.speed, 200);
});
