// The admin page's pure parts: the API client (headers, bodies, errors), the token store and the formats.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AdminClient, AdminError, describeFailure } from '../admin/api.js';
import { formatAge, formatBytes, formatMetadata, formatRtt, formatState, since } from '../admin/format.js';
import { TOKEN_KEY, TokenStore } from '../admin/token.js';

/** A fetch that records requests and answers from a script. */
function fakeFetch(answers) {
  const calls = [];
  const fetch = async (url, init) => {
    calls.push({ url, ...init, headers: { ...init.headers } });
    const next = answers.shift();
    if (next instanceof Error) throw next;
    return {
      ok: next.status < 300,
      status: next.status,
      statusText: next.statusText ?? '',
      text: async () => (typeof next.body === 'string' ? next.body : JSON.stringify(next.body)),
    };
  };
  return { fetch, calls };
}

test('calls carry the token as a Bearer header only when there is one, and bodies as JSON', async () => {
  let token = '';
  const { fetch, calls } = fakeFetch([
    { status: 200, body: { rooms: [] } },
    { status: 200, body: { room: 'r1', player: 3 } },
    { status: 201, body: { id: 'b1', address: '203.0.113.0/24' } },
    { status: 200, body: { scope: 'server' } },
  ]);
  const api = new AdminClient({ token: () => token, fetch });
  assert.deepEqual(await api.rooms(), { rooms: [] });
  token = 'secret-token-0123456789';
  await api.kick('r 1', 3, 'griefing');
  await api.ban('203.0.113.0/24', 3600, '');
  await api.notice('restart soon', null);

  assert.equal(calls[0].url, '/admin/api/rooms');
  assert.equal(calls[0].method, 'GET');
  assert.equal(calls[0].headers.Authorization, undefined, 'no token, no header');
  assert.equal(calls[0].body, undefined);
  assert.equal(calls[1].url, '/admin/api/rooms/r%201/players/3/kick', 'the room id is escaped');
  assert.equal(calls[1].headers.Authorization, 'Bearer secret-token-0123456789');
  assert.equal(calls[1].headers['Content-Type'], 'application/json');
  assert.deepEqual(JSON.parse(calls[1].body), { reason: 'griefing' });
  assert.deepEqual(JSON.parse(calls[2].body), { address: '203.0.113.0/24', seconds: 3600, reason: '' });
  assert.deepEqual(JSON.parse(calls[3].body), { text: 'restart soon' }, 'no room: every connection');
});

test('a refusal is an AdminError with the status and the server\'s message', async () => {
  const { fetch } = fakeFetch([
    { status: 404, body: { error: 'no player 9 in room r1' } },
    { status: 401, body: 'this endpoint needs Authorization: Bearer <management.token>\n' },
    { status: 413, body: '' , statusText: 'Request Entity Too Large' },
    new TypeError('Failed to fetch'),
  ]);
  const api = new AdminClient({ token: () => '', fetch });
  await assert.rejects(api.kick('r1', 9, ''), (e) => e instanceof AdminError && e.status === 404
    && e.message === 'no player 9 in room r1');
  const unauthorized = await api.rooms().catch((e) => e);
  assert.equal(unauthorized.status, 401);
  assert.match(describeFailure(unauthorized), /needs the management token/);
  const big = await api.notice('x', 'r1').catch((e) => e);
  assert.equal(describeFailure(big), 'Request Entity Too Large (HTTP 413)');
  const down = await api.bans().catch((e) => e);
  assert.equal(down.status, 0);
  assert.match(describeFailure(down), /could not be reached \(Failed to fetch\)/);
});

test('the token lives in sessionStorage, and in memory when storage refuses', () => {
  const map = new Map();
  const storage = { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => map.set(k, v), removeItem: (k) => map.delete(k) };
  const store = new TokenStore(storage);
  assert.equal(store.get(), '');
  store.set('  abc-token  ');
  assert.equal(map.get(TOKEN_KEY), 'abc-token');
  assert.equal(new TokenStore(storage).get(), 'abc-token', 'a reload keeps it');
  store.set('');
  assert.equal(map.has(TOKEN_KEY), false);

  const refusing = { getItem() { throw new Error('denied'); }, setItem() { throw new Error('denied'); }, removeItem() {} };
  const memory = new TokenStore(refusing);
  memory.set('t');
  assert.equal(memory.get(), 't');
  assert.equal(new TokenStore(null).get(), '');
});

test('formats of ages, bytes, round trips, states and metadata', () => {
  assert.equal(formatAge(42.9), '42 s');
  assert.equal(formatAge(300), '5 min');
  assert.equal(formatAge(7200), '2 h');
  assert.equal(formatAge(7380), '2 h 3 min');
  assert.equal(formatAge(3 * 86400 + 4 * 3600 + 59), '3 d 4 h');
  assert.equal(formatAge(-5), '0 s');
  assert.equal(formatBytes(812), '812 B');
  assert.equal(formatBytes(3456), '3.5 KB');
  assert.equal(formatBytes(2_500_000), '2.50 MB');
  assert.equal(formatBytes(3_100_000_000), '3.10 GB');
  assert.equal(formatRtt(null), '–');
  assert.equal(formatRtt(1.26), '1.3 ms');
  assert.equal(formatRtt(41.6), '42 ms');
  assert.equal(formatState('grace'), 'dropped (seat held)');
  assert.equal(formatState('spectator'), 'watching');
  assert.equal(formatState('other'), 'other');
  assert.equal(formatMetadata({ mode: 'teams', map: 'dunes' }), 'mode=teams, map=dunes');
  assert.equal(formatMetadata({}), '');
  assert.equal(since('2026-12-02T10:00:00Z', Date.parse('2026-12-02T10:05:00Z')), '5 min ago');
  assert.equal(since('not a time', 0), '?');
});
