/**
 * The room list of the HTTP API: `GET /api/rooms` ->
 * `{"rooms":[{"id":"r1","players":3,"capacity":20,"game":"arena"}]}`.
 */

/** @typedef {{id: string, players: number, capacity: number, game: string}} RoomInfo */

/**
 * @param {string} [baseUrl] e.g. `http://localhost:8080`; the page's origin by default
 * @param {typeof fetch} [fetchFn] injectable for tests
 * @returns {Promise<RoomInfo[]>} the rooms, fullest first (the order quick-join favours)
 * @throws {Error} with a readable message when the server cannot be reached or answers oddly
 */
export async function fetchRooms(baseUrl = '', fetchFn = fetch) {
  const response = await fetchFn(`${baseUrl}/api/rooms`, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET /api/rooms answered ${response.status}`);
  return parseRooms(await response.json());
}

/**
 * @param {any} body the parsed JSON
 * @returns {RoomInfo[]}
 */
export function parseRooms(body) {
  if (!body || !Array.isArray(body.rooms)) throw new Error('GET /api/rooms: no "rooms" array in the answer');
  return body.rooms
    .filter((r) => r && typeof r.id === 'string')
    .map((r) => ({ id: r.id, players: Number(r.players) || 0, capacity: Number(r.capacity) || 0, game: String(r.game ?? '') }))
    .sort((a, b) => b.players - a.players || a.id.localeCompare(b.id));
}
