// Views (PROTOCOL.md "Views"): entities entering and leaving what the client
// knows, and the minimap and edge indicators that show what it knows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeCamera } from '../render/camera.js';
import { edgeIndicators } from '../render/edge-indicators.js';
import { minimapLayout } from '../render/minimap.js';
import { RoomState } from '../state/room-state.js';

const WELCOME = { playerId: 1, roomId: 'r1', tickHz: 20, sendHz: 20, serverTime: 0, worldWidth: 20000, worldHeight: 20000,
  positionScale: 4, params: { playerSpeed: 200, viewRadius: 1000 } };
const me = { id: 1, kind: 1, label: 'me', fields: [40000, 40000, 0, 0] };
const orb = (id, x, y) => ({ id, kind: 2, label: null, fields: [x * 4, y * 4] });

/**
 * What is drawn (others only) when the rendered time is `renderAt` ms past tick 10, whose state arrived at
 * local time 1000 with the later ones exactly 50 ms apart (so the clock's offset stays put).
 */
function drawnAt(room, renderAt) {
  return new Map(room.view(1000 + room.interpolationDelayMs + renderAt)
    .filter((e) => !e.own).map((e) => [e.id, { x: e.x, y: e.y }]));
}

test('the view radius comes from WELCOME, null when the player sees the whole world', () => {
  assert.equal(new RoomState(WELCOME).viewRadius, 1000);
  assert.equal(new RoomState({ ...WELCOME, params: { playerSpeed: 200 } }).viewRadius, null);
});

test('an entity entering the view is drawn from its first position, one leaving disappears', () => {
  const room = new RoomState(WELCOME);
  room.applySnapshot({ tick: 10, entities: [me, orb(2, 10100, 10000)] }, 1000);
  room.applyDelta({ tick: 11, baselineTick: 10, removed: [], spawns: [orb(3, 10900, 10000)],
    changed: [{ id: 2, mask: 1, diffs: [40] }] }, 1050);
  room.applyDelta({ tick: 12, baselineTick: 11, removed: [2], spawns: [],
    changed: [{ id: 3, mask: 1, diffs: [-40] }] }, 1100);
  room.applyDelta({ tick: 13, baselineTick: 12, removed: [], spawns: [], changed: [] }, 1150);

  assert.deepEqual([...drawnAt(room, 25).keys()], [2], 'the entering orb is not drawn before its state');
  assert.deepEqual(drawnAt(room, 50).get(3), { x: 10900, y: 10000 }, 'it appears where it entered');
  assert.deepEqual(drawnAt(room, 75).get(2), { x: 10115, y: 10000 }, 'the leaving orb moves on as it moved');
  assert.equal(drawnAt(room, 100).has(2), false, 'and is gone once its removal is drawn');
});

test('the minimap maps the whole world into a corner, keeping its aspect', () => {
  const layout = minimapLayout({ canvasWidth: 1200, canvasHeight: 800, worldWidth: 20000, worldHeight: 10000 });
  assert.equal(layout.width, 160);
  assert.equal(layout.height, 80);
  assert.deepEqual(layout.toMap({ x: 0, y: 10000 }), { x: 12, y: 800 - 12 }, 'bottom-left corner');
  assert.deepEqual(layout.toMap({ x: 10000, y: 5000 }), { x: 12 + 80, y: 800 - 12 - 40 });
  const small = minimapLayout({ canvasWidth: 320, canvasHeight: 240, worldWidth: 2000, worldHeight: 2000 });
  assert.equal(small.width, 80, 'a quarter of a small canvas at most');
});

test('a known player off screen gets an arrow on the edge pointing at it; on-screen ones and orbs do not', () => {
  const camera = computeCamera({ canvasWidth: 800, canvasHeight: 600, worldWidth: 20000, worldHeight: 20000,
    focus: { x: 10000, y: 10000 } });
  const entities = [
    { id: 1, kind: 1, x: 10000, y: 10000, own: true },
    { id: 2, kind: 1, x: 10900, y: 10000, own: false },
    { id: 3, kind: 1, x: 10000, y: 9100, own: false },
    { id: 4, kind: 1, x: 10100, y: 10100, own: false },
    { id: 5, kind: 2, x: 9000, y: 10000, own: false },
  ];
  const arrows = edgeIndicators({ camera, width: 800, height: 600, entities, inset: 10 });
  assert.deepEqual(arrows.map((a) => a.id), [2, 3]);
  assert.deepEqual([arrows[0].x, arrows[0].y, arrows[0].angle], [790, 300, 0], 'right edge, pointing right');
  assert.ok(Math.abs(arrows[1].x - 400) < 1e-9 && Math.abs(arrows[1].y - 10) < 1e-9, JSON.stringify(arrows[1]));
  assert.ok(Math.abs(arrows[1].angle + Math.PI / 2) < 1e-9, 'pointing up');
});
