// The invalid-string vectors of protocol/vectors/invalid/strings.json (PROTOCOL.md
// "Invalid vectors"): bytes Kryo's writer cannot produce, which the Java codec refuses
// as bad_string. The JS decoder must refuse every one too, never decode it to a guess.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeClientMessage, decodeServerMessage, fromHex, ProtocolError } from '@arena/sdk';

const FILE = fileURLToPath(new URL('../../../protocol/vectors/invalid/strings.json', import.meta.url));
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
  const join = (name) => ({ protocolVersion: 2, game: null, roomId: null, name, flags: 0, privateCode: null, reservation: null });
  const ok = [
    ['01 02 80 80 82 c2 80 00 80 80', join('\u0080')],
    ['01 02 80 80 82 df bf 00 80 80', join('\u07ff')],
    ['01 02 80 80 82 e0 a0 80 00 80 80', join('\u0800')],
    ['01 02 80 80 83 ed a0 bd ed b8 80 00 80 80', join('😀')],
    ['01 02 80 80 82 ed 9f bf 00 80 80', join('\ud7ff')],
    ['01 02 80 80 82 ee 80 80 00 80 80', join('\ue000')],
    ['01 02 80 80 c1 01 ' + '61 '.repeat(64) + '00 80 80', join('a'.repeat(64))],
    ['01 02 80 80 00 80 00 80 80', join('\0\0')],
  ];
  for (const [hex, fields] of ok) {
    assert.deepEqual(decodeClientMessage(fromHex(hex)), { message: 'CLIENT_JOIN', fields }, hex);
  }
});
