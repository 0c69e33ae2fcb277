// The page's pure parts: HUD formats and the status line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatRate, formatRtt } from '../page/hud.js';
import { reconnectingText, statusText } from '../page/status-text.js';

test('HUD formats', () => {
  assert.equal(formatRate(812.4), '812 B/s');
  assert.equal(formatRate(3456), '3.5 KB/s');
  assert.equal(formatRate(2_500_000), '2.50 MB/s');
  assert.equal(formatRtt(null), 'RTT –');
  assert.equal(formatRtt(41.6), 'RTT 42 ms');
});

test('status lines name the phase, the game, the room, a private code and watching', () => {
  const room = { roomId: 'r7', game: 'arena', spectator: false, privateCode: null };
  assert.equal(statusText({ phase: 'playing', room, closeInfo: null }).text, 'Playing in arena room r7.');
  assert.equal(statusText({ phase: 'playing', room: { ...room, spectator: true, privateCode: 'K7M2QX' }, closeInfo: null }).text,
    'Watching arena room r7 (private, code K7M2QX).');
  assert.deepEqual(statusText({ phase: 'closed', room: null, closeInfo: { text: 'x (code 4002)' } }), { text: 'x (code 4002)', tone: 'bad' });
});

test('while reconnecting the status names the RESUME attempt under way', () => {
  assert.deepEqual(statusText({ phase: 'reconnecting', room: null, closeInfo: null, reconnect: { attempt: 3 } }),
    { text: 'Reconnecting… (attempt 3)', tone: 'busy' });
  assert.equal(reconnectingText({ reconnect: { attempt: 0 } }), 'Reconnecting…');
  assert.equal(reconnectingText({ reconnect: null }), 'Reconnecting…');
});
