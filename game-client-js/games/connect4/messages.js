/**
 * Connect Four's game MESSAGEs (docs/GAMES.md, "A board game: Connect
 * Four"), the mirror of the server's `ConnectFourMessages`:
 * - 1 `move`, client to server: `[column] (varint)`, 0 to 6 from the left;
 * - 2 `rematch`, client to server: no payload;
 * - 3 `rejected`, server to the sender only: `[reason] (varint) [text] (string)`.
 */
import { PayloadReader, PayloadWriter } from '../../sdk/index.js';

export const MOVE = 1;
export const REMATCH = 2;
export const REJECTED = 3;

/** The server's reason codes of a REJECTED message. */
export const Rejection = Object.freeze({
  NOT_YOUR_TURN: 1, COLUMN_FULL: 2, NO_SUCH_COLUMN: 3, WAITING: 4, GAME_OVER: 5, REMATCH_NOT_NOW: 6,
});

/**
 * @param {number} column 0 to 6
 * @returns {Uint8Array}
 */
export function encodeMove(column) {
  return new PayloadWriter().varint(column).toBytes();
}

/** @returns {Uint8Array} */
export function encodeRematch() {
  return new Uint8Array(0);
}

/**
 * @param {Uint8Array} payload a REJECTED payload
 * @returns {{reason: number, text: string}}
 */
export function decodeRejected(payload) {
  const r = new PayloadReader(payload);
  const rejected = { reason: r.varint(), text: r.string() ?? '' };
  r.end();
  return rejected;
}
