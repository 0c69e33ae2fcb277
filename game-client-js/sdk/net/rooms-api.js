/**
 * The lobby's HTTP API (PROTOCOL.md "HTTP API"):
 * `GET /api/games` -> `{"default": "arena", "games": [{"name", "description", "capacity", ...}]}` and
 * `GET /api/rooms?game=NAME&key=value` ->
 * `{"rooms":[{"id":"r1","game":"arena","players":3,"capacity":20,"spectators":0,"maxSpectators":32,"metadata":{}}]}`.
 */

/**
 * @typedef {{id: string, players: number, capacity: number, game: string, spectators: number,
 *            maxSpectators: number, metadata: Record<string, string>}} RoomInfo
 * @typedef {{name: string, description: string, capacity: number, tickHz: number, sendHz: number,
 *            maxSpectators: number, rooms: number, players: number}} GameInfo
 * @typedef {{defaultGame: string, games: GameInfo[]}} GameList
 */

/**
 * @param {string} [baseUrl] e.g. `http://localhost:8080`; the page's origin by default
 * @param {{game?: string|null, filters?: Record<string, string>}} [query] one game's rooms, with metadata filters
 * @param {typeof fetch} [fetchFn] injectable for tests
 * @returns {Promise<RoomInfo[]>} the public rooms, fullest first (the order quick-join favours)
 * @throws {Error} with a readable message when the server cannot be reached or answers oddly
 */
export async function fetchRooms(baseUrl = '', query = {}, fetchFn = fetch) {
  const params = new URLSearchParams();
  if (query.game) params.set('game', query.game);
  for (const [key, value] of Object.entries(query.filters ?? {})) params.set(key, value);
  const search = params.toString();
  return parseRooms(await getJson(fetchFn, `${baseUrl}/api/rooms${search ? `?${search}` : ''}`));
}

/**
 * @param {string} [baseUrl]
 * @param {typeof fetch} [fetchFn] injectable for tests
 * @returns {Promise<GameList>} the games the server offers, in its order, and its default one
 */
export async function fetchGames(baseUrl = '', fetchFn = fetch) {
  return parseGames(await getJson(fetchFn, `${baseUrl}/api/games`));
}

/**
 * @param {typeof fetch} fetchFn
 * @param {string} url
 * @returns {Promise<any>}
 */
async function getJson(fetchFn, url) {
  const response = await fetchFn(url, { headers: { accept: 'application/json' } });
  const path = new URL(url, 'http://x').pathname;
  if (!response.ok) {
    let detail = '';
    try {
      detail = (await response.json()).error ?? '';
    } catch { /* no JSON body */ }
    throw new Error(`GET ${path} answered ${response.status}${detail ? `: ${detail}` : ''}`);
  }
  return response.json();
}

/**
 * @param {any} body the parsed JSON
 * @returns {RoomInfo[]}
 */
export function parseRooms(body) {
  if (!body || !Array.isArray(body.rooms)) throw new Error('GET /api/rooms: no "rooms" array in the answer');
  return body.rooms
    .filter((/** @type {any} */ r) => r && typeof r.id === 'string')
    .map((/** @type {any} */ r) => ({
      id: r.id,
      players: Number(r.players) || 0,
      capacity: Number(r.capacity) || 0,
      game: String(r.game ?? ''),
      spectators: Number(r.spectators) || 0,
      maxSpectators: Number(r.maxSpectators) || 0,
      metadata: r.metadata && typeof r.metadata === 'object' ? { ...r.metadata } : {},
    }))
    .sort((/** @type {RoomInfo} */ a, /** @type {RoomInfo} */ b) => b.players - a.players || a.id.localeCompare(b.id));
}

/**
 * @param {any} body the parsed JSON
 * @returns {GameList}
 */
export function parseGames(body) {
  if (!body || !Array.isArray(body.games)) throw new Error('GET /api/games: no "games" array in the answer');
  const games = body.games
    .filter((/** @type {any} */ g) => g && typeof g.name === 'string')
    .map((/** @type {any} */ g) => ({
      name: g.name,
      description: String(g.description ?? ''),
      capacity: Number(g.capacity) || 0,
      tickHz: Number(g.tickHz) || 0,
      sendHz: Number(g.sendHz) || 0,
      maxSpectators: Number(g.maxSpectators) || 0,
      rooms: Number(g.rooms) || 0,
      players: Number(g.players) || 0,
    }));
  return { defaultGame: typeof body.default === 'string' ? body.default : games[0]?.name ?? '', games };
}
