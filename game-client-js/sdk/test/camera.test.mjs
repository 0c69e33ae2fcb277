// The camera follows the own player, fits the view, and stops at the world's edges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeCamera } from '@arena/sdk';

const base = { canvasWidth: 800, canvasHeight: 600, worldWidth: 2000, worldHeight: 2000, viewSpan: 1000, margin: 50 };

test('the own player is in the centre of the canvas, away from the edges', () => {
  const cam = computeCamera({ ...base, focus: { x: 1000, y: 900 } });
  assert.equal(cam.scale, 0.6, 'a 1000-unit view fits the 600 px height');
  const own = cam.toScreen({ x: 1000, y: 900 });
  assert.ok(Math.abs(own.x - 400) < 1e-9 && Math.abs(own.y - 300) < 1e-9, JSON.stringify(own));
  const back = cam.toWorld({ x: 400, y: 300 });
  assert.ok(Math.abs(back.x - 1000) < 1e-9 && Math.abs(back.y - 900) < 1e-9);
});

test('near an edge the camera stops, showing at most the margin outside the world', () => {
  const cam = computeCamera({ ...base, focus: { x: 10, y: 1990 } });
  assert.ok(Math.abs(cam.left - -50) < 1e-9, `left edge at ${cam.left}`);
  assert.ok(Math.abs(cam.top + 600 / cam.scale - 2050) < 1e-9, 'bottom edge at world + margin');
});

test('a world smaller than the view is centred and scaled to fit', () => {
  const cam = computeCamera({ ...base, worldWidth: 400, worldHeight: 200, focus: { x: 0, y: 0 } });
  assert.equal(cam.scale, 800 / 500, 'world + margins fit the width');
  const centre = cam.toScreen({ x: 200, y: 100 });
  assert.ok(Math.abs(centre.x - 400) < 1e-9 && Math.abs(centre.y - 300) < 1e-9);
});
