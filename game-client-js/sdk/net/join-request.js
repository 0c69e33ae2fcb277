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

/**
 * What a session last asked to join and the room it got, so that Rejoin
 * after a close goes back there: the same room (a private one by its code),
 * or, when that room closed, any room of the game.
 */
export class JoinMemory {
  constructor() {
    /** @type {JoinFields|null} the last JOIN asked for */
    this.last = null;
    /** @type {string|null} the room of the last WELCOME */
    this.roomId = null;
    /** @type {string|null} the code of the last private room joined */
    this.privateCode = null;
  }

  /** @param {JoinFields} fields a JOIN asked for */
  asked(fields) {
    this.last = fields;
  }

  /** @param {{roomId: string, privateCode: string|null}} welcome a WELCOME seated the client */
  seated(welcome) {
    this.roomId = welcome.roomId;
    this.privateCode = welcome.privateCode ?? null;
  }

  /**
   * @param {boolean} roomClosed whether the last room closed (4003): then any room of the game
   * @returns {JoinRequest|null} what Rejoin asks for, or null before any JOIN
   */
  rejoin(roomClosed) {
    const last = this.last;
    if (!last) return null;
    const spectate = (last.flags & JOIN_SPECTATE) !== 0;
    if (roomClosed) return { game: last.game, name: last.name, spectate };
    const code = last.privateCode ?? this.privateCode;
    return { game: last.game, roomId: code ? null : this.roomId ?? last.roomId, name: last.name, spectate,
      privateCode: code };
  }
}
