/**
 * The admin API of the management server (docs/OPERATIONS.md "Admin API"),
 * as the admin page calls it: same origin, JSON in and out, the management
 * token (when one is set) as a Bearer header. Every failure is an
 * `AdminError` carrying the HTTP status and the server's message.
 */

/**
 * @typedef {object} RoomSummary
 * @property {string} id
 * @property {string} game
 * @property {boolean} private
 * @property {number} players
 * @property {number} capacity
 * @property {number} spectators
 * @property {number} maxSpectators
 * @property {number} tickHz
 * @property {number} sendHz
 * @property {string} openedAt
 * @property {number} ageSeconds
 * @property {Record<string, string>} metadata
 * @property {string|null} node the node it lives on in a cluster, null on a lone server
 * @property {string|null} url that node's WebSocket URL, null likewise
 * @property {number} [tick]
 */

/**
 * @typedef {object} PlayerInfo
 * @property {number} id the player id (negative for a spectator)
 * @property {string} name
 * @property {'playing'|'grace'|'spectator'} state
 * @property {string} address
 * @property {string} connectedSince
 * @property {number|null} rttMillis
 * @property {number} bytesIn
 * @property {number} bytesOut
 */

/**
 * @typedef {object} BanInfo
 * @property {string} id
 * @property {string} address
 * @property {string} reason
 * @property {string} createdAt
 * @property {string} expiresAt
 * @property {number} secondsLeft
 */

export class AdminError extends Error {
  /**
   * @param {number} status the HTTP status (0: the server could not be reached)
   * @param {string} message
   */
  constructor(status, message) {
    super(message);
    this.name = 'AdminError';
    this.status = status;
  }
}

export class AdminClient {
  /**
   * @param {object} options
   * @param {() => string} options.token the management token, or '' for none
   * @param {typeof fetch} [options.fetch]
   * @param {string} [options.base] where the API is: `/admin/api` on the page's own server
   */
  constructor({ token, fetch: fetchFn = (input, init) => fetch(input, init), base = '/admin/api' }) {
    this.token = token;
    this.fetch = fetchFn;
    this.base = base;
  }

  /** @returns {Promise<{rooms: RoomSummary[]}>} every room of the server (of every node in a cluster), private ones too */
  rooms() {
    return this.call('GET', '/rooms');
  }

  /**
   * @param {string} roomId
   * @returns {Promise<{room: RoomSummary, players: PlayerInfo[]}>}
   */
  room(roomId) {
    return this.call('GET', `/rooms/${encodeURIComponent(roomId)}`);
  }

  /**
   * @param {string} roomId
   * @param {string} reason shown to its players (may be empty)
   * @returns {Promise<{room: string, players: number, spectators: number}>}
   */
  closeRoom(roomId, reason) {
    return this.call('POST', `/rooms/${encodeURIComponent(roomId)}/close`, { reason });
  }

  /**
   * @param {string} roomId
   * @param {number} playerId
   * @param {string} reason shown to the player (may be empty)
   * @returns {Promise<{room: string, player: number, name: string}>}
   */
  kick(roomId, playerId, reason) {
    return this.call('POST', `/rooms/${encodeURIComponent(roomId)}/players/${playerId}/kick`, { reason });
  }

  /** @returns {Promise<{bans: BanInfo[], max: number}>} */
  bans() {
    return this.call('GET', '/bans');
  }

  /**
   * @param {string} address an IP address or a CIDR block
   * @param {number} seconds
   * @param {string} reason kept for operators (may be empty)
   * @returns {Promise<BanInfo>}
   */
  ban(address, seconds, reason) {
    return this.call('POST', '/bans', { address, seconds, reason });
  }

  /**
   * @param {string} banId
   * @returns {Promise<BanInfo>}
   */
  lift(banId) {
    return this.call('DELETE', `/bans/${encodeURIComponent(banId)}`);
  }

  /**
   * @param {string} text
   * @param {string|null} roomId null: every connection of the server
   * @returns {Promise<{scope: string, room?: string, sent?: number}>}
   */
  notice(text, roomId) {
    return this.call('POST', '/notice', roomId === null ? { text } : { text, room: roomId });
  }

  /**
   * @param {string} method
   * @param {string} path under the API's base
   * @param {object} [body] sent as JSON
   * @returns {Promise<any>} the JSON answer
   */
  async call(method, path, body) {
    /** @type {Record<string, string>} */
    const headers = { Accept: 'application/json' };
    const token = this.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await this.fetch(this.base + path, {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store',
      });
    } catch (error) {
      throw new AdminError(0, `the server could not be reached (${/** @type {Error} */ (error).message})`);
    }
    const text = await response.text();
    /** @type {any} */
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (!response.ok) {
      const message = json && typeof json.error === 'string' ? json.error : text.trim() || response.statusText;
      throw new AdminError(response.status, message);
    }
    return json;
  }
}

/**
 * One line for an API failure, saying what to do about a missing token.
 * @param {unknown} error
 * @returns {string}
 */
export function describeFailure(error) {
  if (error instanceof AdminError) {
    if (error.status === 401) return 'This server needs the management token: enter it above.';
    return error.status === 0 ? error.message : `${error.message} (HTTP ${error.status})`;
  }
  return String(error);
}
