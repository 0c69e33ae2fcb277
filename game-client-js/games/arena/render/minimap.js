/**
 * The minimap, in the canvas's bottom-left corner: the whole world, the
 * part the camera shows, the own player's view when the game gives views
 * (WELCOME's `params.viewRadius`, PROTOCOL.md "Views") and a dot for every
 * entity the client knows. With views that is everything it can know: the
 * server sends nothing about entities outside the view, so the map shows
 * the view's circle as the edge of what is known.
 */
import { EntityKind } from '../entities.js';
import { COLORS, playerColor } from './palette.js';

/**
 * Where the minimap sits and how it maps world units to canvas pixels.
 * @param {object} args
 * @param {number} args.canvasWidth CSS pixels
 * @param {number} args.canvasHeight
 * @param {number} args.worldWidth world units
 * @param {number} args.worldHeight
 * @param {number} [args.size] the longer side of the map, pixels (shrunk on small canvases)
 * @param {number} [args.margin] pixels from the canvas's edges
 * @returns {{left: number, top: number, width: number, height: number, scale: number,
 *            toMap: (p: {x: number, y: number}) => {x: number, y: number}}}
 */
export function minimapLayout({ canvasWidth, canvasHeight, worldWidth, worldHeight, size = 160, margin = 12 }) {
  const side = Math.max(40, Math.min(size, canvasWidth / 4, canvasHeight / 3));
  const scale = side / Math.max(worldWidth, worldHeight, 1);
  const width = worldWidth * scale;
  const height = worldHeight * scale;
  const left = margin;
  const top = canvasHeight - margin - height;
  return { left, top, width, height, scale, toMap: (p) => ({ x: left + p.x * scale, y: top + p.y * scale }) };
}

/**
 * @param {CanvasRenderingContext2D} ctx
 * @param {object} frame
 * @param {ReturnType<typeof minimapLayout>} frame.layout
 * @param {import('../../../sdk/index.js').Camera} frame.camera
 * @param {number} frame.canvasWidth CSS pixels
 * @param {number} frame.canvasHeight
 * @param {import('../../../sdk/index.js').EntityView[]} frame.entities what is drawn now (every arena entity has a position)
 * @param {number|null} frame.viewRadius world units, or null when the player sees the whole world
 */
export function drawMinimap(ctx, { layout, camera, canvasWidth, canvasHeight, entities, viewRadius }) {
  const { left, top, width, height } = layout;
  ctx.fillStyle = COLORS.minimap;
  ctx.fillRect(left, top, width, height);
  ctx.strokeStyle = COLORS.bounds;
  ctx.lineWidth = 1;
  ctx.strokeRect(left + 0.5, top + 0.5, width - 1, height - 1);
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, width, height);
  ctx.clip();
  const own = entities.find((e) => e.own);
  if (own && viewRadius) {
    const c = layout.toMap(at(own));
    ctx.fillStyle = COLORS.minimapView;
    ctx.beginPath();
    ctx.arc(c.x, c.y, Math.max(2, viewRadius * layout.scale), 0, Math.PI * 2);
    ctx.fill();
  }
  const tl = layout.toMap(camera.toWorld({ x: 0, y: 0 }));
  const br = layout.toMap(camera.toWorld({ x: canvasWidth, y: canvasHeight }));
  ctx.strokeStyle = COLORS.minimapCamera;
  ctx.strokeRect(tl.x, tl.y, br.x - tl.x, br.y - tl.y);
  for (const e of entities) {
    const p = layout.toMap(at(e));
    if (e.kind === EntityKind.ORB) {
      ctx.fillStyle = COLORS.orb;
      ctx.fillRect(p.x - 0.5, p.y - 0.5, 1.5, 1.5);
    } else if (e.kind === EntityKind.PLAYER) {
      ctx.fillStyle = e.own ? COLORS.ownRing : playerColor(e.id);
      ctx.fillRect(p.x - 1.5, p.y - 1.5, 3, 3);
    }
  }
  ctx.restore();
}

/**
 * @param {import('../../../sdk/index.js').EntityView} e an arena entity's view
 * @returns {{x: number, y: number}} its position, world units
 */
function at(e) {
  return { x: e.x ?? 0, y: e.y ?? 0 };
}
