// The arena with views (PROTOCOL.md "Views"): how far its player sees, and the
// minimap and edge indicators that show what the client knows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeCamera } from '../sdk/index.js';
import { viewRadiusOf } from '../games/arena/entity-views.js';
import { edgeIndicators } from '../games/arena/render/edge-indicators.js';
import { minimapLayout } from '../games/arena/render/minimap.js';

const WELCOME = { protocolVersion: 2, playerId: 1, roomId: 'r1', game: 'arena', flags: 0, privateCode: null, tickHz: 20,
  sendHz: 20, serverTime: 0, worldWidth: 20000, worldHeight: 20000, positionScale: 4,
  params: { playerSpeed: 200, chatMaxLength: 200, viewRadius: 1000 } };

test('the view radius comes from WELCOME, null when the player sees the whole world or watches', () => {
  assert.equal(viewRadiusOf(WELCOME, false), 1000);
  assert.equal(viewRadiusOf({ ...WELCOME, params: { playerSpeed: 200 } }, false), null);
  assert.equal(viewRadiusOf(WELCOME, true), null, 'a spectator sees the whole room');
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
