// Small pieces: constants file format, close texts, room list parsing, HUD formats, RTT, rates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CloseCode, MessageTag } from '@arena/sdk';
import { describeClose, describeCode } from '@arena/sdk';
import { fetchGames, fetchRooms, parseGames, parseRooms } from '@arena/sdk';
import { RttEstimator } from '@arena/sdk';
import { RateMeter } from '@arena/sdk';

test('constants.js holds exactly the NAME: number pairs the Java test parses', () => {
  const text = readFileSync(new URL('../protocol/constants.js', import.meta.url), 'utf8');
  const pairs = Object.fromEntries([...text.matchAll(/\b([A-Z][A-Z_]*):\s*(\d+)/g)].map((m) => [m[1], Number(m[2])]));
  assert.deepEqual(pairs, { ...MessageTag, ...CloseCode });
  assert.match(text, /export const PROTOCOL_VERSION = 2;/);
  assert.deepEqual(MessageTag, {
    CLIENT_JOIN: 1, CLIENT_INPUT: 2, CLIENT_PING: 3, CLIENT_PONG: 4, CLIENT_LEAVE: 5, CLIENT_RESUME: 6, CLIENT_MESSAGE: 7,
    SERVER_WELCOME: 64, SERVER_SNAPSHOT: 65, SERVER_DELTA: 66, SERVER_PING: 67, SERVER_PONG: 68, SERVER_ERROR: 69,
    SERVER_MESSAGE: 70, SERVER_REDIRECT: 71, SERVER_NOTICE: 72,
  });
  assert.deepEqual(CloseCode, {
    NORMAL: 1000, GOING_AWAY: 1001, PROTOCOL_ERROR: 1002, UNSUPPORTED_DATA: 1003, POLICY_VIOLATION: 1008,
    MESSAGE_TOO_BIG: 1009, ROOM_FULL: 4000, UNKNOWN_ROOM: 4001, TOO_SLOW: 4002, ROOM_CLOSED: 4003,
    SERVER_FULL: 4004, JOIN_TIMEOUT: 4005, BAD_REQUEST: 4006, SHUTTING_DOWN: 4007, RESUME_FAILED: 4008,
    TAKEN_OVER: 4009, PEER_TIMEOUT: 4010, VERSION_MISMATCH: 4011, WRONG_CODE: 4012, UNKNOWN_GAME: 4013,
    SPECTATORS_FULL: 4014, CLOSED_BY_OPERATOR: 4015, KICKED: 4016, RESERVATION_INVALID: 4017,
  });
  assert.ok(Object.isFrozen(MessageTag) && Object.isFrozen(CloseCode));
});

test('every close code has its own human text', () => {
  const texts = new Set(Object.values(CloseCode).map(describeCode));
  assert.equal(texts.size, Object.keys(CloseCode).length);
  assert.match(describeCode(4000), /full/);
  assert.match(describeCode(1006), /lost/);
  assert.match(describeCode(4999), /code 4999/);
  assert.equal(describeClose(4002), 'The connection was too slow to keep up with the game. (code 4002)');
  assert.equal(describeClose(1001, 'bye'), 'The server is shutting down. (code 1001): bye');
});

test('the room list is read from GET /api/rooms, fullest first, filtered by game and metadata', async () => {
  const body = { rooms: [
    { id: 'r1', players: 3, capacity: 20, game: 'arena', spectators: 1, maxSpectators: 32, metadata: { mode: 'teams' } },
    { id: 'r2', players: 7, capacity: 20, game: 'arena' }] };
  const calls = [];
  const fakeFetch = async (url) => {
    calls.push(url);
    return { ok: true, json: async () => body };
  };
  const rooms = await fetchRooms('http://h:8080', {}, fakeFetch);
  assert.deepEqual(rooms.map((r) => r.id), ['r2', 'r1']);
  assert.deepEqual(rooms[1], { id: 'r1', players: 3, capacity: 20, game: 'arena', spectators: 1, maxSpectators: 32,
    metadata: { mode: 'teams' } });
  assert.deepEqual(rooms[0].metadata, {}, 'missing fields read as empty');
  await fetchRooms('', { game: 'tag', filters: { mode: 'teams' } }, fakeFetch);
  assert.deepEqual(calls, ['http://h:8080/api/rooms', '/api/rooms?game=tag&mode=teams']);
  await assert.rejects(fetchRooms('', {}, async () => ({ ok: false, status: 503, json: async () => ({}) })), /503/);
  await assert.rejects(fetchRooms('', { game: 'chess' },
    async () => ({ ok: false, status: 404, json: async () => ({ error: 'no game chess' }) })), /404: no game chess/);
  assert.throws(() => parseRooms({}), /rooms/);
  assert.deepEqual(parseRooms({ rooms: [] }), []);
});

test('the games are read from GET /api/games with the default one', async () => {
  const body = { default: 'arena', games: [{ name: 'arena', description: 'Orbs.', capacity: 20, tickHz: 20, sendHz: 20,
    maxSpectators: 32, rooms: 2, players: 7 }, { name: 'tag' }] };
  const list = await fetchGames('', async () => ({ ok: true, json: async () => body }));
  assert.equal(list.defaultGame, 'arena');
  assert.deepEqual(list.games[0], body.games[0]);
  assert.equal(list.games[1].capacity, 0);
  assert.throws(() => parseGames({}), /games/);
});

test('RTT comes from the echoed microsecond time', () => {
  const rtt = new RttEstimator(0.5);
  assert.equal(RttEstimator.pingTime(1234.5678), 1234568);
  assert.equal(rtt.onPong(1_000_000, 1040), 40);
  rtt.onPong(2_000_000, 2060);
  assert.equal(rtt.last, 60);
  assert.equal(rtt.smoothed, 50);
});

test('rates are per second over a sliding window', () => {
  const m = new RateMeter(1000);
  for (let t = 0; t < 2000; t += 50) m.add(t, 100);
  assert.equal(m.rate(1999), 2000, '20 messages of 100 bytes in the last second');
  assert.equal(m.rate(5000), 0);
  assert.equal(m.total, 4000);
});
