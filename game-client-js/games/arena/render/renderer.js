/**
 * Draws one frame of the game on the canvas: the world and its bounds,
 * orbs, players (own one highlighted) and names. Reads a view of the state;
 * changes nothing.
 */
import { EntityKind } from '../entities.js';
import { COLORS, playerColor } from './palette.js';

/** Drawn sizes in world units (the server's collect radius is 24). */
const PLAYER_RADIUS = 18;
const ORB_RADIUS = 6;
const GRID = 100;

/**
 * @param {CanvasRenderingContext2D} ctx already scaled for the device pixel ratio
 * @param {object} frame
 * @param {number} frame.width canvas size, CSS pixels
 * @param {number} frame.height
 * @param {import('../../../sdk/index.js').Camera} frame.camera
 * @param {number} frame.worldWidth
 * @param {number} frame.worldHeight
 * @param {import('../../../sdk/index.js').EntityView[]} frame.entities
 */
export function drawFrame(ctx, { width, height, camera, worldWidth, worldHeight, entities }) {
  ctx.fillStyle = COLORS.outside;
  ctx.fillRect(0, 0, width, height);
  drawWorld(ctx, camera, worldWidth, worldHeight);
  for (const e of entities) if (e.kind === EntityKind.ORB) drawOrb(ctx, camera, e);
  // Others first, so the own player is always on top.
  for (const e of entities) if (e.kind === EntityKind.PLAYER && !e.own) drawPlayer(ctx, camera, e);
  for (const e of entities) if (e.kind === EntityKind.PLAYER && e.own) drawPlayer(ctx, camera, e);
}

/** @typedef {import('../../../sdk/index.js').Camera} Camera */
/** @typedef {import('../../../sdk/index.js').EntityView} EntityView */

/**
 * @param {CanvasRenderingContext2D} ctx
 * @param {Camera} camera
 * @param {number} worldWidth
 * @param {number} worldHeight
 */
function drawWorld(ctx, camera, worldWidth, worldHeight) {
  const tl = camera.toScreen({ x: 0, y: 0 });
  const br = camera.toScreen({ x: worldWidth, y: worldHeight });
  ctx.fillStyle = COLORS.background;
  ctx.fillRect(tl.x, tl.y, br.x - tl.x, br.y - tl.y);
  ctx.strokeStyle = COLORS.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let x = GRID; x < worldWidth; x += GRID) {
    const sx = Math.round(camera.toScreen({ x, y: 0 }).x) + 0.5;
    ctx.moveTo(sx, tl.y);
    ctx.lineTo(sx, br.y);
  }
  for (let y = GRID; y < worldHeight; y += GRID) {
    const sy = Math.round(camera.toScreen({ x: 0, y }).y) + 0.5;
    ctx.moveTo(tl.x, sy);
    ctx.lineTo(br.x, sy);
  }
  ctx.stroke();
  ctx.strokeStyle = COLORS.bounds;
  ctx.lineWidth = 3;
  ctx.strokeRect(tl.x, tl.y, br.x - tl.x, br.y - tl.y);
}

/**
 * @param {CanvasRenderingContext2D} ctx
 * @param {Camera} camera
 * @param {EntityView} e
 */
function drawOrb(ctx, camera, e) {
  const p = camera.toScreen({ x: e.x ?? 0, y: e.y ?? 0 }); // every arena entity has a position
  const r = Math.max(2, ORB_RADIUS * camera.scale);
  ctx.fillStyle = COLORS.orbGlow;
  circle(ctx, p.x, p.y, r * 2);
  ctx.fillStyle = COLORS.orb;
  circle(ctx, p.x, p.y, r);
}

/**
 * @param {CanvasRenderingContext2D} ctx
 * @param {Camera} camera
 * @param {EntityView} e
 */
function drawPlayer(ctx, camera, e) {
  const p = camera.toScreen({ x: e.x ?? 0, y: e.y ?? 0 }); // every arena entity has a position
  const r = Math.max(4, PLAYER_RADIUS * camera.scale);
  ctx.fillStyle = playerColor(e.id);
  circle(ctx, p.x, p.y, r);
  if (e.own) {
    ctx.strokeStyle = COLORS.ownRing;
    ctx.lineWidth = 3;
    ctx.beginPath();
    ctx.arc(p.x, p.y, r + 3, 0, Math.PI * 2);
    ctx.stroke();
  }
  const name = e.label ?? `#${e.id}`;
  ctx.font = `${e.own ? 'bold ' : ''}13px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.lineWidth = 3;
  ctx.strokeStyle = 'rgba(0, 0, 0, 0.7)';
  ctx.strokeText(name, p.x, p.y - r - 5);
  ctx.fillStyle = e.own ? COLORS.nameOwn : COLORS.name;
  ctx.fillText(name, p.x, p.y - r - 5);
}

/**
 * @param {CanvasRenderingContext2D} ctx
 * @param {number} x
 * @param {number} y
 * @param {number} r
 */
function circle(ctx, x, y, r) {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fill();
}
