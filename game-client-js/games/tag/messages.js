/**
 * The tag game's MESSAGEs, all from the server to everyone in the room
 * (layouts in docs/GAMES.md and the server's TagMessages): "tagged" and the
 * round's start, end and stop, and the one line each shows as a banner.
 */
import { PayloadReader } from '../../sdk/index.js';
import { TEAMS } from './entities.js';

export const TAGGED = 1;
export const ROUND = 2;
/** ROUND's events, by the number on the wire. */
export const RoundEvent = Object.freeze({ STARTED: 0, ENDED: 1, STOPPED: 2 });

/**
 * @typedef {{taggerId: number, taggerName: string, taggedId: number, taggedName: string, team: number, teamScore: number}} Tagged
 * @typedef {{event: number, round: number, winner: number, redScore: number, blueScore: number}} RoundNews
 */

/**
 * `[taggerId] (varint) [taggerName] (string) [taggedId] (varint) [taggedName] (string) [team] (varint) [teamScore] (varint)`
 * @param {Uint8Array} payload
 * @returns {Tagged}
 */
export function decodeTagged(payload) {
  const r = new PayloadReader(payload);
  const t = { taggerId: r.varint(), taggerName: r.string() ?? '', taggedId: r.varint(), taggedName: r.string() ?? '',
    team: r.varint(), teamScore: r.varint() };
  r.end();
  return t;
}

/**
 * `[event] (varint) [round] (varint) [winner] (zigzag) [redScore] (varint) [blueScore] (varint)`
 * @param {Uint8Array} payload
 * @returns {RoundNews}
 */
export function decodeRound(payload) {
  const r = new PayloadReader(payload);
  const n = { event: r.varint(), round: r.varint(), winner: r.zigzag(), redScore: r.varint(), blueScore: r.varint() };
  r.end();
  return n;
}

/**
 * The banner of a message: what it says, and which team's colour it takes.
 * @param {number} type
 * @param {Uint8Array} payload
 * @returns {{kind: 'tagged'|'round', text: string, team: number}|null} null for a type this page does not know
 */
export function bannerOf(type, payload) {
  if (type === TAGGED) {
    const t = decodeTagged(payload);
    return { kind: 'tagged', text: `${t.taggerName} tagged ${t.taggedName} · ${TEAMS[t.team] ?? '?'} ${t.teamScore}`,
      team: t.team };
  }
  if (type === ROUND) {
    const n = decodeRound(payload);
    const score = `${n.redScore}–${n.blueScore}`;
    const text = n.event === RoundEvent.STARTED ? `Round ${n.round}: go!`
      : n.event === RoundEvent.STOPPED ? 'Round stopped: waiting for players'
        : n.winner >= 0 ? `${TEAMS[n.winner] ?? '?'} wins round ${n.round}, ${score}` : `Round ${n.round} is a draw, ${score}`;
    return { kind: 'round', text, team: n.event === RoundEvent.ENDED ? n.winner : -1 };
  }
  return null;
}
