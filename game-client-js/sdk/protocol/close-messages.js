/**
 * Human texts for the close codes and ERROR codes of PROTOCOL.md, for the UI.
 * Kept apart from constants.js, whose contents a Java test parses.
 */
import { CloseCode } from './constants.js';

/**
 * 1005/1006 are not sent by the server: the browser reports them when a
 * close frame had no code or the connection broke without one.
 */
const NO_STATUS = 1005;
const ABNORMAL = 1006;

const TEXTS = new Map([
  [CloseCode.NORMAL, 'Disconnected.'],
  [CloseCode.GOING_AWAY, 'The server is shutting down.'],
  [CloseCode.PROTOCOL_ERROR, 'The server refused a malformed message (a client bug).'],
  [CloseCode.UNSUPPORTED_DATA, 'The server refused a text message (a client bug).'],
  [CloseCode.POLICY_VIOLATION, 'Too many messages per second: the server closed the connection.'],
  [CloseCode.MESSAGE_TOO_BIG, 'A message was too big for the server.'],
  [CloseCode.ROOM_FULL, 'That room is full. Pick another room or quick-join.'],
  [CloseCode.UNKNOWN_ROOM, 'No room with that id. Check the id or quick-join.'],
  [CloseCode.TOO_SLOW, 'The connection was too slow to keep up with the game.'],
  [CloseCode.ROOM_CLOSED, 'The room was closed by the server.'],
  [CloseCode.SERVER_FULL, 'The server is full: no new room can be opened right now.'],
  [CloseCode.JOIN_TIMEOUT, 'No room was joined in time, so the server closed the connection.'],
  [CloseCode.SHUTTING_DOWN, 'The server is shutting down and takes no new players. Reload to reach another server.'],
  [CloseCode.BAD_REQUEST, 'The join was refused: the name is too long (16 characters at most).'],
  [CloseCode.RESUME_FAILED, 'Your seat could not be taken back: it was given up or held too long. Rejoin as a new player.'],
  [CloseCode.TAKEN_OVER, 'This game continued on another connection (another tab or device).'],
  [CloseCode.PEER_TIMEOUT, 'The server heard nothing from this client for too long.'],
  [CloseCode.VERSION_MISMATCH, 'This page speaks another protocol version than the server: reload the page.'],
  [CloseCode.WRONG_CODE, 'No private room has that code. Check the code with whoever shared it.'],
  [CloseCode.UNKNOWN_GAME, 'This server does not offer that game.'],
  [CloseCode.SPECTATORS_FULL, 'That room has all the spectators it takes. Try again later or join as a player.'],
  [CloseCode.CLOSED_BY_OPERATOR, 'The room was closed by the server\'s operators.'],
  [CloseCode.KICKED, 'You were removed from the game by the server\'s operators.'],
  [CloseCode.RESERVATION_INVALID, 'The seat kept for you on the game server expired. Join again.'],
  [NO_STATUS, 'The connection was closed without a reason.'],
  [ABNORMAL, 'The connection to the server was lost (or could not be opened).'],
]);

/**
 * @param {number} code a WebSocket close code or an ERROR message code
 * @returns {string} one sentence for the player
 */
export function describeCode(code) {
  return TEXTS.get(code) ?? `The connection was closed (code ${code}).`;
}

/**
 * The status line shown after a close: the human text, the code, and the
 * server's own words when it sent any (close reason or a preceding ERROR).
 * @param {number} code
 * @param {string} [detail] the close reason or the ERROR message
 * @returns {string}
 */
export function describeClose(code, detail) {
  const base = `${describeCode(code)} (code ${code})`;
  return detail ? `${base}: ${detail}` : base;
}
