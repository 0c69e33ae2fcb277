// The arena game's folder on the SDK's RoomState: what the renderer, the HUD
// and the debug hook read, and the steering prediction it plugs in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RoomState } from '../sdk/index.js';
import { arena } from '../games/arena/index.js';
import { arenaHud } from '../games/arena/entity-views.js';
import { decodeChat, encodeChat } from '../games/arena/chat.js';

const WELCOME = {
  protocolVersion: 2, playerId: 2, roomId: 'r1', game: 'arena', flags: 0, privateCode: null, tickHz: 20, sendHz: 20,
  serverTime: 0, worldWidth: 2000, worldHeight: 1000, positionScale: 4, params: {},
};
const entities = [
  { id: 1, kind: 1, label: 'ann', fields: [400, 800, 7, 3] },
  { id: 2, kind: 1, label: 'bob', fields: [4000, 2000, 0, 5] },
  { id: 3, kind: 2, label: null, fields: [1, 2] },
  { id: 4, kind: 1, label: null, fields: [0, 0, 0, 3] },
];

const arenaRoom = (welcome = WELCOME) => new RoomState(welcome, arena.roomOptions(welcome));

test('positions are in world units (field / positionScale), with the score and acknowledged seq', () => {
  const room = arenaRoom();
  room.applySnapshot({ tick: 10, entities }, 0);
  assert.deepEqual(room.latest()[0], { id: 1, kind: 1, label: 'ann', x: 100, y: 200, lastSeq: 7, score: 3, own: false });
  assert.deepEqual(room.latest()[2], { id: 3, kind: 2, label: null, x: 0.25, y: 0.5, lastSeq: 0, score: null, own: false });
  assert.deepEqual(room.ownPosition(0), { x: 1000, y: 500 });
});

test('the HUD counts players and ranks them best first, ties by id, own row marked', () => {
  const room = arenaRoom();
  room.applySnapshot({ tick: 10, entities }, 0);
  const hud = arenaHud(room.world.values(), room.playerId);
  assert.equal(hud.players, 3);
  assert.deepEqual(hud.leaderboard, [
    { id: 2, name: 'bob', score: 5, own: true },
    { id: 1, name: 'ann', score: 3, own: false },
    { id: 4, name: '#4', score: 3, own: false },
  ]);
  assert.equal(arenaHud(room.world.values(), 2, 1).leaderboard.length, 1);
});

test('the view draws the own player at its prediction and the others in the past', () => {
  const room = arenaRoom();
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
  assert.equal(arenaRoom({ ...WELCOME, params: { playerSpeed: 120 } }).prediction.speed, 120);
  assert.equal(arenaRoom({ ...WELCOME, params: {} }).prediction.speed, 200);
});

test('a spectator of the arena has no prediction and no position of its own, and sees everyone', () => {
  const room = arenaRoom({ ...WELCOME, playerId: 0, flags: 1 });
  room.applySnapshot({ tick: 10, entities }, 1000);
  assert.equal(room.spectator, true);
  assert.equal(room.prediction, null);
  assert.equal(room.ownPosition(1000), null);
  assert.equal(room.view(1200).length, 4);
  assert.equal(arenaHud(room.world.values(), 0).leaderboard.filter((r) => r.own).length, 0);
});

test('a chat line round-trips through the payload layout the server uses', () => {
  assert.deepEqual(encodeChat('hi'), new Uint8Array([0x68, 0xe9]));
  const fromServer = new Uint8Array([7, 0x61, 0x6e, 0xee, 0x82, 0x3c]);
  assert.deepEqual(decodeChat(fromServer), { playerId: 7, name: 'ann', text: '<' });
  assert.throws(() => decodeChat(new Uint8Array([7, 0x61, 0x6e, 0xee, 0x82, 0x3c, 0])), /trailing/);
});
