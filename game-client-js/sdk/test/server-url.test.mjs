import { test } from 'node:test';
import assert from 'node:assert/strict';
import { socketUrl } from '@arena/sdk';

test('the WebSocket goes to the page\'s own host, wss from an https page', () => {
  assert.equal(socketUrl({ protocol: 'http:', host: '127.0.0.1:8080', search: '' }), 'ws://127.0.0.1:8080/ws');
  assert.equal(socketUrl({ protocol: 'https:', host: 'play.example.com', search: '' }), 'wss://play.example.com/ws');
  assert.equal(socketUrl({ protocol: 'http:', host: 'a.example', search: '?server=evil.example:1' }), 'ws://a.example/ws',
    'a ?server= query cannot send the player elsewhere');
});
