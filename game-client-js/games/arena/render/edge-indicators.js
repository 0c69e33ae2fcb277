/**
 * Edge indicators: a small arrow on the canvas's edge for every other
 * player the client knows of (it is in the player's view) but that is off
 * screen, pointing where it is. With views the view is usually wider than
 * the screen, so this is how a player notices who is about to show up.
 */
import { EntityKind } from '../entities.js';
import { playerColor } from './palette.js';

const SIZE = 9;

/**
 * Pure: where the arrows go.
 * @param {object} args
 * @param {import('../../../sdk/index.js').Camera} args.camera
 * @param {number} args.width canvas size, CSS pixels
 * @param {number} args.height
 * @param {import('../../../sdk/index.js').EntityView[]} args.entities what is drawn now (every arena entity has a position)
 * @param {number} [args.inset] pixels between an arrow and the edge
 * @returns {{id: number, x: number, y: number, angle: number}[]} canvas pixels; angle in radians, 0 = right
 */
export function edgeIndicators({ camera, width, height, entities, inset = 14 }) {
  const cx = width / 2;
  const cy = height / 2;
  const halfW = Math.max(1, cx - inset);
  const halfH = Math.max(1, cy - inset);
  /** @type {{id: number, x: number, y: number, angle: number}[]} */
  const out = [];
  for (const e of entities) {
    if (e.own || e.kind !== EntityKind.PLAYER) continue;
    const p = camera.toScreen({ x: e.x ?? 0, y: e.y ?? 0 });
    if (p.x >= 0 && p.x <= width && p.y >= 0 && p.y <= height) continue;
    const dx = p.x - cx;
    const dy = p.y - cy;
    // Along the line from the centre to the player, to where it meets the inset rectangle.
    const t = Math.min(halfW / Math.max(Math.abs(dx), 1e-9), halfH / Math.max(Math.abs(dy), 1e-9));
    out.push({ id: e.id, x: cx + dx * t, y: cy + dy * t, angle: Math.atan2(dy, dx) });
  }
  return out;
}

/**
 * @param {CanvasRenderingContext2D} ctx
 * @param {{id: number, x: number, y: number, angle: number}[]} indicators from {@link edgeIndicators}
 */
export function drawEdgeIndicators(ctx, indicators) {
  for (const { id, x, y, angle } of indicators) {
    ctx.save();
    ctx.translate(x, y);
    ctx.rotate(angle);
    ctx.fillStyle = playerColor(id);
    ctx.strokeStyle = 'rgba(0, 0, 0, 0.7)';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(SIZE, 0);
    ctx.lineTo(-SIZE * 0.6, SIZE * 0.7);
    ctx.lineTo(-SIZE * 0.6, -SIZE * 0.7);
    ctx.closePath();
    ctx.stroke();
    ctx.fill();
    ctx.restore();
  }
}
