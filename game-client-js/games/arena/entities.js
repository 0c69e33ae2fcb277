/**
 * Entity kinds of the bundled arena game (PROTOCOL.md "Entities"): which
 * field index holds what. Positions are quantized: field / positionScale =
 * world units.
 */

/** Entity kinds. */
export const EntityKind = Object.freeze({ PLAYER: 1, ORB: 2 });

/** Field indexes shared by both kinds (x, y) and the player's own (lastSeq, score). */
export const Field = Object.freeze({ X: 0, Y: 1, LAST_SEQ: 2, SCORE: 3 });

/**
 * @param {{fields: number[]}} entity
 * @param {number} positionScale from WELCOME
 * @returns {{x: number, y: number}} the position in world units
 */
export function positionOf(entity, positionScale) {
  return { x: entity.fields[Field.X] / positionScale, y: entity.fields[Field.Y] / positionScale };
}

/**
 * @param {{kind: number, fields: number[]}} entity
 * @returns {number|null} the player's score, null for other kinds
 */
export function scoreOf(entity) {
  return entity.kind === EntityKind.PLAYER ? entity.fields[Field.SCORE] ?? 0 : null;
}

/**
 * @param {{kind: number, fields: number[]}} entity
 * @returns {number} the last input seq the server applied for this player (0 before any)
 */
export function lastSeqOf(entity) {
  return entity.fields[Field.LAST_SEQ] ?? 0;
}

