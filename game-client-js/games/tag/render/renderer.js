/**
 * Draws one frame of a tag room: the field with each team's half tinted,
 * the players in their team's colour, every it ringed in gold with its
 * reach, a frozen it's ring dashed, the own player outlined, and names.
 * Reads a view of the state; changes nothing.
 */
import { Kind } from '../entities.js';

/** Drawn radius of a player, world units (tag.tagRadius 32 is a touch). */
export const PLAYER_RADIUS = 14;
const TEAM_COLORS = ['#e5484d', '#3e8bff'];
const TEAM_TINTS = ['rgba(229, 72, 77, 0.10)', 'rgba(62, 139, 255, 0.10)'];
const COLORS = Object.freeze({
  outside: '#07090d', field: '#10141c', line: '#2a3344', bounds: '#4a5a78',
  it: '#f5c542', reach: 'rgba(245, 197, 66, 0.14)', frozen: '#bfe3ff', own: '#ffffff', name: '#e8ecf4',
});

/** @typedef {import('../../../sdk/index.js').Camera} Camera */
/** @typedef {import('../../../sdk/index.js').EntityView} EntityView */

/**
 * @param {CanvasRenderingContext2D} ctx already scaled for the device pixel ratio
 * @param {object} frame
 * @param {number} frame.width canvas size, CSS pixels
 * @param {number} frame.height
 * @param {Camera} frame.camera
 * @param {number} frame.worldWidth
 * @param {number} frame.worldHeight
 * @param {number} frame.tagRadius world units
 * @param {EntityView[]} frame.entities
 */
export function drawTag(ctx, { width, height, camera, worldWidth, worldHeight, tagRadius, entities }) {
  ctx.fillStyle = COLORS.outside;
  ctx.fillRect(0, 0, width, height);
  drawField(ctx, camera, worldWidth, worldHeight);
  const players = entities.filter((e) => e.kind === Kind.PLAYER);
  for (const p of players) if (p.it && !p.frozen) drawReach(ctx, camera, p, tagRadius);
  // Others first, so the own player is always on top.
  for (const p of players) if (!p.own) drawPlayer(ctx, camera, p);
  for (const p of players) if (p.own) drawPlayer(ctx, camera, p);
}

/**
 * @param {CanvasRenderingContext2D} ctx
 * @param {Camera} camera
 * @param {number} w
 * @param {number} h
 */
function drawField(ctx, camera, w, h) {
  const tl = camera.toScreen({ x: 0, y: 0 });
  const mid = camera.toScreen({ x: w / 2, y: h });
  const br = camera.toScreen({ x: w, y: h });
  ctx.fillStyle = COLORS.field;
  ctx.fillRect(tl.x, tl.y, br.x - tl.x, br.y - tl.y);
  ctx.fillStyle = TEAM_TINTS[0];
  ctx.fillRect(tl.x, tl.y, mid.x - tl.x, br.y - tl.y);
  ctx.fillStyle = TEAM_TINTS[1];
  ctx.fillRect(mid.x, tl.y, br.x - mid.x, br.y - tl.y);
  ctx.strokeStyle = COLORS.line;
  ctx.lineWidth = 2;
  ctx.setLineDash([8, 8]);
  ctx.beginPath();
  ctx.moveTo(mid.x, tl.y);
  ctx.lineTo(mid.x, br.y);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.strokeStyle = COLORS.bounds;
  ctx.lineWidth = 3;
  ctx.strokeRect(tl.x, tl.y, br.x - tl.x, br.y - tl.y);
}

/**
 * @param {CanvasRenderingContext2D} ctx
 * @param {Camera} camera
 * @param {EntityView} p
 * @param {number} tagRadius
 */
function drawReach(ctx, camera, p, tagRadius) {
  const c = camera.toScreen({ x: p.x ?? 0, y: p.y ?? 0 });
  ctx.fillStyle = COLORS.reach;
  circle(ctx, c.x, c.y, Math.max(6, tagRadius * camera.scale));
}

/**
 * @param {CanvasRenderingContext2D} ctx
 * @param {Camera} camera
 * @param {EntityView} p
 */
function drawPlayer(ctx, camera, p) {
  const c = camera.toScreen({ x: p.x ?? 0, y: p.y ?? 0 }); // every player has a position
  const r = Math.max(5, PLAYER_RADIUS * camera.scale);
  ctx.fillStyle = TEAM_COLORS[p.team] ?? COLORS.name;
  circle(ctx, c.x, c.y, r);
  if (p.it) {
    ctx.strokeStyle = p.frozen ? COLORS.frozen : COLORS.it;
    ctx.lineWidth = 3;
    ctx.setLineDash(p.frozen ? [4, 4] : []);
    ring(ctx, c.x, c.y, r + 2);
    ctx.setLineDash([]);
    ctx.fillStyle = '#10141c';
    ctx.font = `bold ${Math.round(Math.max(8, r * 0.8))}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText('IT', c.x, c.y + 1);
  }
  if (p.own) {
    ctx.strokeStyle = COLORS.own;
    ctx.lineWidth = 2;
    ring(ctx, c.x, c.y, r + (p.it ? 6 : 3));
  }
  const name = p.label ?? `#${p.id}`;
  ctx.font = `${p.own ? 'bold ' : ''}13px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.lineWidth = 3;
  ctx.strokeStyle = 'rgba(0, 0, 0, 0.7)';
  ctx.strokeText(name, c.x, c.y - r - 7);
  ctx.fillStyle = p.own ? COLORS.own : COLORS.name;
  ctx.fillText(name, c.x, c.y - r - 7);
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

/**
 * @param {CanvasRenderingContext2D} ctx
 * @param {number} x
 * @param {number} y
 * @param {number} r
 */
function ring(ctx, x, y, r) {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.stroke();
}
