// Views (PROTOCOL.md "Views"): entities entering and leaving what the client
// knows, as the room state draws them. Nothing here is of one game: the view
// function reads fields 0 and 1 as a position, quantized by 4.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RoomState } from '@arena/sdk';

const WELCOME = { protocolVersion: 2, playerId: 1, roomId: 'r1', game: 'any', flags: 0, privateCode: null, tickHz: 20,
  sendHz: 20, serverTime: 0, worldWidth: 20000, worldHeight: 20000, positionScale: 4, params: {} };
const OPTIONS = { view: (e) => ({ x: e.fields[0] / 4, y: e.fields[1] / 4 }) };
const me = { id: 1, kind: 1, label: 'me', fields: [40000, 40000] };
const thing = (id, x, y) => ({ id, kind: 2, label: null, fields: [x * 4, y * 4] });

/**
 * What is drawn (others only) when the rendered time is `renderAt` ms past tick 10, whose state arrived at
 * local time 1000 with the later ones exactly 50 ms apart (so the clock's offset stays put).
 */
function drawnAt(room, renderAt) {
  return new Map(room.view(1000 + room.interpolationDelayMs + renderAt)
    .filter((e) => !e.own).map((e) => [e.id, { x: e.x, y: e.y }]));
}

test('an entity entering the view is drawn from its first position, one leaving disappears', () => {
  const room = new RoomState(WELCOME, OPTIONS);
  room.applySnapshot({ tick: 10, entities: [me, thing(2, 10100, 10000)] }, 1000);
  room.applyDelta({ tick: 11, baselineTick: 10, removed: [], spawns: [thing(3, 10900, 10000)],
    changed: [{ id: 2, mask: 1, diffs: [40] }] }, 1050);
  room.applyDelta({ tick: 12, baselineTick: 11, removed: [2], spawns: [],
    changed: [{ id: 3, mask: 1, diffs: [-40] }] }, 1100);
  room.applyDelta({ tick: 13, baselineTick: 12, removed: [], spawns: [], changed: [] }, 1150);

  assert.deepEqual([...drawnAt(room, 25).keys()], [2], 'the entering entity is not drawn before its state');
  assert.deepEqual(drawnAt(room, 50).get(3), { x: 10900, y: 10000 }, 'it appears where it entered');
  assert.deepEqual(drawnAt(room, 75).get(2), { x: 10115, y: 10000 }, 'the leaving entity moves on as it moved');
  assert.equal(drawnAt(room, 100).has(2), false, 'and is gone once its removal is drawn');
});
