/**
 * What a page asks to join, and the CLIENT_JOIN fields it becomes
 * (PROTOCOL.md "JOIN").
 */
import { JOIN_CREATE_PRIVATE, JOIN_SPECTATE } from '../protocol/client-messages.js';

/**
 * What to join. Blank strings mean "none".
 * @typedef {object} JoinRequest
 * @property {string|null} [game] the game; none: the server's default game
 * @property {string|null} [roomId] the room; none: quick-join (or the private room of `privateCode`)
 * @property {string|null} [name] the display name; none: the server names the player "Player"
 * @property {boolean} [spectate] watch: the state stream, no entity, no seat
 * @property {boolean} [createPrivate] open a new private room of the game (WELCOME carries its code)
 * @property {string|null} [privateCode] the code of a private room
 */

/**
 * The fields of a CLIENT_JOIN (PROTOCOL.md "JOIN"); blank strings become null.
 * @typedef {{game: string|null, roomId: string|null, name: string|null, flags: number, privateCode: string|null}} JoinFields
 * @param {JoinRequest} r
 * @returns {JoinFields}
 */
export function joinFields(r) {
  const text = (/** @type {string|null|undefined} */ v) => (v && v.trim() ? v.trim() : null);
  return {
    game: text(r.game),
    roomId: text(r.roomId),
    // Blank means null: the server names the player "Player".
    name: text(r.name),
    flags: (r.spectate ? JOIN_SPECTATE : 0) | (r.createPrivate ? JOIN_CREATE_PRIVATE : 0),
    privateCode: text(r.privateCode),
  };
}
