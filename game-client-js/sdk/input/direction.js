/**
 * Steering as a direction vector: unit length, or 0,0 to stand still
 * (PROTOCOL.md INPUT: dx, dy with length <= 1; y grows downwards).
 * Pure functions, shared by the keyboard and the pointer.
 */

/** @typedef {{dx: number, dy: number}} Direction */

/** Standing still. */
export const STILL = Object.freeze({ dx: 0, dy: 0 });

const KEYS = {
  KeyW: [0, -1], ArrowUp: [0, -1],
  KeyS: [0, 1], ArrowDown: [0, 1],
  KeyA: [-1, 0], ArrowLeft: [-1, 0],
  KeyD: [1, 0], ArrowRight: [1, 0],
};

/**
 * @param {string} code a `KeyboardEvent.code`
 * @returns {boolean} whether the key steers (WASD or arrows)
 */
export function isSteeringKey(code) {
  return Object.hasOwn(KEYS, code);
}

/**
 * The direction of the steering keys held: opposite keys cancel, diagonals
 * are normalized so they are not faster.
 * @param {Iterable<string>} codes `KeyboardEvent.code`s held down
 * @returns {Direction}
 */
export function keysToDirection(codes) {
  let x = 0;
  let y = 0;
  const seen = new Set();
  for (const code of codes) {
    const k = /** @type {Record<string, number[]>} */ (KEYS)[code];
    // WASD and the arrows both held count once per direction.
    if (!k || seen.has(`${k}`)) continue;
    seen.add(`${k}`);
    x += k[0];
    y += k[1];
  }
  return normalize(x, y);
}

/**
 * The direction from the own player to a pointer.
 * @param {{x: number, y: number}} from the own player, screen pixels
 * @param {{x: number, y: number}} to the pointer, screen pixels
 * @param {number} [deadZone] closer than this (e.g. the player's radius), stand still instead of jittering
 * @returns {Direction}
 */
export function pointerToDirection(from, to, deadZone = 8) {
  const x = to.x - from.x;
  const y = to.y - from.y;
  if (Math.hypot(x, y) < deadZone) return STILL;
  return normalize(x, y);
}

/**
 * @param {number} x
 * @param {number} y
 * @returns {Direction} unit length, or 0,0
 */
export function normalize(x, y) {
  const length = Math.hypot(x, y);
  return length === 0 ? STILL : { dx: x / length, dy: y / length };
}

/**
 * Whether two directions differ enough to send an INPUT at once: starting,
 * stopping, or turning by more than `minAngle` (pointer steering changes by
 * tiny angles every frame; those wait for the regular send).
 * @param {Direction|null} a
 * @param {Direction} b
 * @param {number} [minAngle] radians
 * @returns {boolean}
 */
export function significantlyDifferent(a, b, minAngle = 0.1) {
  if (!a) return true;
  const aStill = a.dx === 0 && a.dy === 0;
  const bStill = b.dx === 0 && b.dy === 0;
  if (aStill || bStill) return aStill !== bStill;
  return a.dx * b.dx + a.dy * b.dy < Math.cos(minAngle);
}
