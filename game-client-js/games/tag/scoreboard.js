/**
 * What the page shows of a tag room besides the field: the round's clock
 * and phase, the teams' scores, the own role, and the players' leaderboard.
 * Pure: reads entities, returns plain facts and texts.
 */
import { Kind, Phase, PlayerField, RoundField, TeamField, TEAMS } from './entities.js';

/** @typedef {{id: number, kind: number, label: string|null, fields: number[]}} Entity */

/**
 * @typedef {{phase: number, secondsLeft: number, round: number, winner: number,
 *            teams: {name: string, score: number, players: number}[]}} RoundSummary
 */

/**
 * @param {Iterable<Entity>} entities the newest state
 * @returns {RoundSummary}
 */
export function roundFacts(entities) {
  /** @type {RoundSummary} */
  const facts = { phase: Phase.WAITING, secondsLeft: 0, round: 0, winner: -1,
    teams: TEAMS.map((name) => ({ name, score: 0, players: 0 })) };
  for (const e of entities) {
    if (e.kind === Kind.ROUND) {
      facts.phase = e.fields[RoundField.PHASE];
      facts.secondsLeft = e.fields[RoundField.SECONDS_LEFT];
      facts.round = e.fields[RoundField.ROUND];
      facts.winner = e.fields[RoundField.WINNER];
    } else if (e.kind === Kind.TEAM && facts.teams[e.fields[TeamField.TEAM]]) {
      const team = facts.teams[e.fields[TeamField.TEAM]];
      team.score = e.fields[TeamField.SCORE];
      team.players = e.fields[TeamField.PLAYERS];
    }
  }
  return facts;
}

/**
 * @param {number} seconds
 * @returns {string} "1:05"
 */
export function formatClock(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * The clock line.
 * @param {{phase: number, secondsLeft: number, round: number, winner: number}} r
 * @returns {string}
 */
export function clockText(r) {
  if (r.phase === Phase.PLAYING) return `Round ${r.round} · ${formatClock(r.secondsLeft)}`;
  if (r.phase === Phase.OVER) return `Next round in ${r.secondsLeft} s`;
  return 'Waiting for a second player';
}

/**
 * What the own player should do now.
 * @param {{phase: number}} r
 * @param {Entity|undefined} own the own player's entity (none for a spectator)
 * @returns {{text: string, role: 'it'|'frozen'|'runner'|'idle'}}
 */
export function roleOf(r, own) {
  if (!own || r.phase !== Phase.PLAYING) return { text: '', role: 'idle' };
  const team = own.fields[PlayerField.TEAM];
  const other = TEAMS[1 - team] ?? '';
  if (own.fields[PlayerField.IT] === 1) {
    return own.fields[PlayerField.FROZEN] === 1
      ? { text: 'You are IT: get ready…', role: 'frozen' }
      : { text: `You are IT: tag ${other}!`, role: 'it' };
  }
  return { text: `Run from ${other}'s IT!`, role: 'runner' };
}

/**
 * The players of the room, best first, ties by id, the own row marked.
 * @param {Iterable<Entity>} entities
 * @param {number} ownId
 * @param {number} [limit]
 * @returns {{players: number, leaderboard: {id: number, name: string, score: number, own: boolean}[]}}
 */
export function tagHud(entities, ownId, limit = 10) {
  const rows = [];
  for (const e of entities) {
    if (e.kind !== Kind.PLAYER) continue;
    const team = TEAMS[e.fields[PlayerField.TEAM]]?.[0] ?? '?';
    rows.push({ id: e.id, name: `${team} · ${e.label ?? `#${e.id}`}`, score: e.fields[PlayerField.SCORE] ?? 0,
      own: e.id === ownId });
  }
  rows.sort((a, b) => b.score - a.score || a.id - b.id);
  return { players: rows.length, leaderboard: rows.slice(0, limit) };
}
