// The invalid-string vectors of protocol/vectors/invalid/strings.json (PROTOCOL.md
// "Invalid vectors"): bytes Kryo's writer cannot produce, which the Java codec refuses
// as bad_string. The JS decoder must refuse every one too, never decode it to a guess.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeClientMessage, decodeServerMessage } from '../protocol/codec.js';
import { fromHex } from '../protocol/hex.js';
import { ProtocolError } from '../protocol/protocol-error.js';

const FILE = fileURLToPath(new URL('../../protocol/vectors/invalid/strings.json', import.meta.url));
const vectors = JSON.parse(readFileSync(FILE, 'utf8'));

test('the invalid-string vectors exist', () => {
  assert.ok(Array.isArray(vectors) && vectors.length > 20, `${FILE} must hold the invalid-string vectors`);
});

for (const v of vectors) {
  test(`refuses ${v.name}`, () => {
    const decode = v.message.startsWith('SERVER_') ? decodeServerMessage : decodeClientMessage;
    assert.throws(() => decode(fromHex(v.hex)), ProtocolError,
      `the JS decoder accepted ${v.hex}, which the Java codec refuses as ${v.reason}`);
  });
}

test('well-formed strings around the refused ones still decode', () => {
  const ok = [
    ['01 80 82 c2 80', { roomId: null, name: '\u0080' }],
    ['01 80 82 df bf', { roomId: null, name: '\u07ff' }],
    ['01 80 82 e0 a0 80', { roomId: null, name: '\u0800' }],
    ['01 80 83 ed a0 bd ed b8 80', { roomId: null, name: '😀' }],
    ['01 80 82 ed 9f bf', { roomId: null, name: '\ud7ff' }],
    ['01 80 82 ee 80 80', { roomId: null, name: '\ue000' }],
    ['01 80 c1 01 ' + '61 '.repeat(64), { roomId: null, name: 'a'.repeat(64) }],
    ['01 80 00 80', { roomId: null, name: '\0\0' }],
  ];
  for (const [hex, fields] of ok) {
    assert.deepEqual(decodeClientMessage(fromHex(hex)), { message: 'CLIENT_JOIN', fields }, hex);
  }
});
