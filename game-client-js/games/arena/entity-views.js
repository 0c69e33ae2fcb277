/**
 * What the page makes of the arena's entities: the view the SDK's RoomState
 * interpolates, the HUD's rows, and how far a player sees.
 */
import { EntityKind, Field, lastSeqOf, positionOf, scoreOf } from './entities.js';

/**
 * The arena's view of an entity for the SDK's RoomState: position in world
 * units (interpolated), the acknowledged input seq (for the prediction) and
 * the score.
 * @param {{kind: number, fields: number[]}} entity
 * @param {{positionScale: number}} welcome
 * @returns {{x: number, y: number, lastSeq: number, score: number|null}}
 */
export function arenaView(entity, welcome) {
  const p = positionOf(entity, welcome.positionScale || 1);
  return { x: p.x, y: p.y, lastSeq: lastSeqOf(entity), score: scoreOf(entity) };
}

/**
 * What the HUD shows of an arena room: the players in it and the
 * leaderboard, best first, ties by id, the own row marked.
 * @param {Iterable<{id: number, kind: number, label: string|null, fields: number[]}>} entities the newest state
 * @param {number} ownId the own player's id (0 for a spectator)
 * @param {number} [limit] rows at most
 * @returns {{players: number, leaderboard: {id: number, name: string, score: number, own: boolean}[]}}
 */
export function arenaHud(entities, ownId, limit = 10) {
  const rows = [];
  for (const e of entities) {
    if (e.kind !== EntityKind.PLAYER) continue;
    rows.push({ id: e.id, name: e.label ?? `#${e.id}`, score: e.fields[Field.SCORE] ?? 0, own: e.id === ownId });
  }
  rows.sort((a, b) => b.score - a.score || a.id - b.id);
  return { players: rows.length, leaderboard: rows.slice(0, limit) };
}

/**
 * How far the own player sees (PROTOCOL.md "Views"): WELCOME's
 * `params.viewRadius`, which the server sends when `arena.viewRadius` is set.
 * A spectator sees the whole room whatever the radius.
 * @param {{params?: Record<string, number>, flags?: number}} welcome
 * @param {boolean} spectator
 * @returns {number|null} world units; null when the client sees the whole world
 */
export function viewRadiusOf(welcome, spectator) {
  return spectator ? null : welcome.params?.viewRadius ?? null;
}
