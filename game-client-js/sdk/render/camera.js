/**
 * The camera: follows the own player and scales the view to fit the
 * canvas. A view box of `viewSpan` world units on each axis (less if the
 * world is smaller) is scaled to fit the canvas; the camera stops at the
 * world's edges, plus a margin so the bounds stay in sight, rather than
 * showing empty space.
 *
 * Pure: a value object with conversion helpers.
 */

/**
 * @typedef {object} Camera
 * @property {number} scale screen pixels per world unit
 * @property {number} left world x at the canvas's left edge
 * @property {number} top world y at the canvas's top edge
 * @property {(p: {x: number, y: number}) => {x: number, y: number}} toScreen world units -> canvas pixels
 * @property {(p: {x: number, y: number}) => {x: number, y: number}} toWorld canvas pixels -> world units
 */

/**
 * @param {object} args
 * @param {number} args.canvasWidth canvas size in (CSS) pixels
 * @param {number} args.canvasHeight
 * @param {number} args.worldWidth world units, from WELCOME
 * @param {number} args.worldHeight
 * @param {{x: number, y: number}|null} args.focus the own player, or null (then the world's centre)
 * @param {number} [args.viewSpan] world units that must fit on each axis
 * @param {number} [args.margin] world units the camera may show past an edge
 * @returns {Camera}
 */
export function computeCamera({ canvasWidth, canvasHeight, worldWidth, worldHeight, focus, viewSpan = 1000, margin = 60 }) {
  const viewW = Math.min(worldWidth + 2 * margin, viewSpan);
  const viewH = Math.min(worldHeight + 2 * margin, viewSpan);
  const scale = Math.max(1e-6, Math.min(canvasWidth / viewW, canvasHeight / viewH));
  const visibleW = canvasWidth / scale;
  const visibleH = canvasHeight / scale;
  const f = focus ?? { x: worldWidth / 2, y: worldHeight / 2 };
  const cx = follow(f.x, visibleW, worldWidth, margin);
  const cy = follow(f.y, visibleH, worldHeight, margin);
  const left = cx - visibleW / 2;
  const top = cy - visibleH / 2;
  return {
    scale,
    left,
    top,
    toScreen: (p) => ({ x: (p.x - left) * scale, y: (p.y - top) * scale }),
    toWorld: (p) => ({ x: p.x / scale + left, y: p.y / scale + top }),
  };
}

/**
 * The centre on one axis: on the focus, but not past the edge (+margin); centred if the world fits.
 * @param {number} focus
 * @param {number} visible
 * @param {number} size
 * @param {number} margin
 * @returns {number}
 */
function follow(focus, visible, size, margin) {
  if (visible >= size + 2 * margin) return size / 2;
  const min = visible / 2 - margin;
  const max = size - visible / 2 + margin;
  return Math.max(min, Math.min(max, focus));
}
