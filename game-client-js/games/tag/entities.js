/**
 * The tag game's replicated entities (docs/GAMES.md, "Worked example: the
 * tag game"): which field index holds what, and the view the SDK's
 * RoomState keeps of each. Positions are quantized: field / positionScale =
 * world units.
 */

/** Entity kinds. */
export const Kind = Object.freeze({ PLAYER: 1, TEAM: 2, ROUND: 3 });

/** A player's fields. */
export const PlayerField = Object.freeze({ X: 0, Y: 1, LAST_SEQ: 2, TEAM: 3, SCORE: 4, IT: 5, FROZEN: 6 });
/** A team's fields. */
export const TeamField = Object.freeze({ TEAM: 0, SCORE: 1, PLAYERS: 2 });
/** The round's fields. */
export const RoundField = Object.freeze({ PHASE: 0, SECONDS_LEFT: 1, ROUND: 2, WINNER: 3 });
/** The round's phases. */
export const Phase = Object.freeze({ WAITING: 0, PLAYING: 1, OVER: 2 });
/** Teams by index, as the server numbers them. */
export const TEAMS = Object.freeze(['Red', 'Blue']);

/**
 * @typedef {{x: number, y: number, lastSeq: number, team: number, score: number, it: boolean, frozen: boolean}} PlayerFacts
 * @typedef {{team: number, score: number, players: number}} TeamFacts
 * @typedef {{phase: number, secondsLeft: number, round: number, winner: number}} RoundFacts
 */

/**
 * The tag game's view of an entity for the SDK's RoomState: a player's
 * position in world units (interpolated), acknowledged seq, team, score and
 * role; a team's score; the round's clock.
 * @param {{kind: number, fields: number[]}} entity
 * @param {{positionScale: number}} welcome
 * @returns {PlayerFacts|TeamFacts|RoundFacts|{}}
 */
export function tagView(entity, welcome) {
  const f = entity.fields;
  switch (entity.kind) {
    case Kind.PLAYER: {
      const scale = welcome.positionScale || 1;
      return { x: f[PlayerField.X] / scale, y: f[PlayerField.Y] / scale, lastSeq: f[PlayerField.LAST_SEQ] ?? 0,
        team: f[PlayerField.TEAM] ?? 0, score: f[PlayerField.SCORE] ?? 0, it: f[PlayerField.IT] === 1,
        frozen: f[PlayerField.FROZEN] === 1 };
    }
    case Kind.TEAM:
      return { team: f[TeamField.TEAM] ?? 0, score: f[TeamField.SCORE] ?? 0, players: f[TeamField.PLAYERS] ?? 0 };
    case Kind.ROUND:
      return { phase: f[RoundField.PHASE] ?? 0, secondsLeft: f[RoundField.SECONDS_LEFT] ?? 0,
        round: f[RoundField.ROUND] ?? 0, winner: f[RoundField.WINNER] ?? -1 };
    default:
      return {};
  }
}

/**
 * The speed the server moves a player at now (world units per second): an
 * it runs faster than a runner, and a frozen it stands still.
 * @param {{fields: number[]}} player
 * @param {{runner: number, it: number}} speeds from WELCOME's params
 * @returns {number}
 */
export function speedOf(player, speeds) {
  if (player.fields[PlayerField.FROZEN] === 1) return 0;
  return player.fields[PlayerField.IT] === 1 ? speeds.it : speeds.runner;
}
