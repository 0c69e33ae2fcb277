// The Kryo primitives and messages against the hex examples of PROTOCOL.md
// (the extra cases were cross-checked once against Kryo 5.6.2's Output).
// Independent of the golden vectors, so the codec is checked even before
// the Java side has written them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KryoReader } from '../protocol/kryo-reader.js';
import { KryoWriter } from '../protocol/kryo-writer.js';
import { fromHex, toHex } from '@arena/sdk';
import { decodeClientMessage, decodeServerMessage, encodeMessage } from '@arena/sdk';
import { ProtocolError } from '@arena/sdk';

function written(fn) {
  const w = new KryoWriter(1); // capacity 1 also exercises the growth path
  fn(w);
  return toHex(w.toBytes());
}

function readAll(hex, fn) {
  const r = new KryoReader(fromHex(hex));
  const value = fn(r);
  assert.equal(r.remaining(), 0, `reading ${hex} left ${r.remaining()} byte(s)`);
  return value;
}

const VARINTS = [
  [0, '00'], [63, '3f'], [64, '40'], [127, '7f'], [128, '80 01'], [16383, 'ff 7f'],
  [16384, '80 80 01'], [-1, 'ff ff ff ff 0f'], [-2147483648, '80 80 80 80 08'], [2147483647, 'ff ff ff ff 07'],
];

test('varint boundaries encode and decode as Kryo writeVarInt(v, true)', () => {
  for (const [value, hex] of VARINTS) {
    assert.equal(written((w) => w.writeVarInt(value)), hex, `varint ${value}`);
    assert.equal(readAll(hex, (r) => r.readVarInt()), value, `varint ${hex}`);
  }
  // The unsigned view of -1 writes the same bytes.
  assert.equal(written((w) => w.writeVarInt(0xffffffff)), 'ff ff ff ff 0f');
  assert.equal(readAll('ff ff ff ff 0f', (r) => r.readVarUint()), 0xffffffff);
  assert.throws(() => new KryoWriter().writeVarInt(2 ** 32), RangeError);
  assert.throws(() => new KryoWriter().writeVarInt(1.5), RangeError);
});

test('zigzag maps 0,-1,1,-2,2 to 0..4 and matches the PROTOCOL.md examples', () => {
  const cases = [
    [0, '00'], [-1, '01'], [1, '02'], [-2, '03'], [2, '04'], [63, '7e'], [64, '80 01'], [-64, '7f'],
    [2147483647, 'fe ff ff ff 0f'], [-2147483648, 'ff ff ff ff 0f'],
  ];
  for (const [value, hex] of cases) {
    assert.equal(written((w) => w.writeZigZag(value)), hex, `zigzag ${value}`);
    assert.equal(readAll(hex, (r) => r.readZigZag()), value, `zigzag ${hex}`);
  }
});

test('varlong reaches 2^53 - 1 without 32-bit overflow', () => {
  const cases = [
    [0, '00'], [127, '7f'], [128, '80 01'], [1000000, 'c0 84 3d'], [2 ** 31, '80 80 80 80 08'],
    [2 ** 32, '80 80 80 80 10'], [2 ** 35 - 1, 'ff ff ff ff 7f'], [1700000000123, 'fb d0 95 ff bc 31'],
    [Number.MAX_SAFE_INTEGER, 'ff ff ff ff ff ff ff 0f'],
  ];
  for (const [value, hex] of cases) {
    assert.equal(written((w) => w.writeVarLong(value)), hex, `varlong ${value}`);
    assert.equal(readAll(hex, (r) => r.readVarLong()), value, `varlong ${hex}`);
  }
  // The 9-byte form holds 2^56 and more, which a JS number cannot hold exactly.
  assert.throws(() => readAll('80 80 80 80 80 80 80 80 01', (r) => r.readVarLong()), ProtocolError);
  assert.throws(() => new KryoWriter().writeVarLong(-1), RangeError);
  assert.throws(() => new KryoWriter().writeVarLong(2 ** 53), RangeError);
});

test('f32 is little-endian IEEE-754 single precision', () => {
  const cases = [[1, '00 00 80 3f'], [0, '00 00 00 00'], [-2.5, '00 00 20 c0'], [0.5, '00 00 00 3f']];
  for (const [value, hex] of cases) {
    assert.equal(written((w) => w.writeFloat32(value)), hex, `f32 ${value}`);
    assert.equal(readAll(hex, (r) => r.readFloat32()), value, `f32 ${hex}`);
  }
  assert.equal(readAll(written((w) => w.writeFloat32(0.1)), (r) => r.readFloat32()), Math.fround(0.1));
});

test('strings use the four Kryo forms', () => {
  const a32 = 'a'.repeat(32);
  const a33 = 'a'.repeat(33);
  const cases = [
    [null, '80'],
    ['', '81'],
    ['a', '82 61'],
    ['ab', '61 e2'],
    [a32, `${'61 '.repeat(31)}e1`],
    [a33, `a2 ${Array(33).fill('61').join(' ')}`],
    ['é', '82 c3 a9'],
    ['😀', '83 ed a0 bd ed b8 80'],
    ['aé', '83 61 c3 a9'],
    ['€', '82 e2 82 ac'],
    ['Zoë 🎮', '87 5a 6f c3 ab 20 ed a0 bc ed be ae'],
    // Kryo 5.6 tests `char > 127`, so NUL is ASCII too (PROTOCOL.md says 0x01..0x7F).
    ['\0a', '00 e1'],
  ];
  for (const [value, hex] of cases) {
    assert.equal(written((w) => w.writeString(value)), hex, `string ${JSON.stringify(value)}`);
    assert.equal(readAll(hex, (r) => r.readString()), value, `string ${hex}`);
  }
  const long = 'x'.repeat(100);
  const longHex = written((w) => w.writeString(long));
  assert.ok(longHex.startsWith('e5 01 78'), `a 100-char string starts e5 01, got ${longHex.slice(0, 12)}`);
  assert.equal(readAll(longHex, (r) => r.readString()), long);
  const huge = 'é'.repeat(10000); // length needs a 3-byte flagged varint
  assert.equal(readAll(written((w) => w.writeString(huge)), (r) => r.readString()), huge);
});

test('string decoding refuses broken bytes instead of guessing', () => {
  assert.throws(() => readAll('61', (r) => r.readString()), ProtocolError, 'ASCII without an end byte');
  assert.throws(() => readAll('85 61', (r) => r.readString()), ProtocolError, 'more chars claimed than bytes');
  assert.throws(() => readAll('82 ff', (r) => r.readString()), ProtocolError, 'invalid lead byte');
  assert.throws(() => readAll('82 c3 41', (r) => r.readString()), ProtocolError, 'invalid continuation');
});

test('client messages match the PROTOCOL.md examples', () => {
  const examples = [
    ['CLIENT_JOIN', { protocolVersion: 2, game: null, roomId: null, name: 'ann', flags: 0, privateCode: null, reservation: null },
      '01 02 80 80 61 6e ee 00 80 80'],
    ['CLIENT_INPUT', { seq: 1, dx: 1, dy: 0, buttons: 0 }, '02 01 00 00 80 3f 00 00 00 00 00'],
    ['CLIENT_PING', { time: 1000000 }, '03 c0 84 3d'],
    ['CLIENT_PONG', { time: 1000000 }, '04 c0 84 3d'],
    ['CLIENT_LEAVE', {}, '05'],
    ['CLIENT_JOIN', { protocolVersion: 2, game: 'tag', roomId: 'r1', name: 'Zoë', flags: 1, privateCode: null, reservation: null },
      '01 02 74 61 e7 72 b1 84 5a 6f c3 ab 01 80 80'],
    ['CLIENT_MESSAGE', { type: 1, payload: fromHex('68 e9') }, '07 01 02 68 e9'],
  ];
  for (const [message, fields, hex] of examples) {
    assert.equal(toHex(encodeMessage(message, fields)), hex, message);
    assert.deepEqual(decodeClientMessage(fromHex(hex)), { message, fields }, message);
  }
  assert.throws(() => encodeMessage('CLIENT_INPUT', { seq: 1, dx: NaN, dy: 0, buttons: 0 }), RangeError);
  assert.throws(() => encodeMessage('CLIENT_MESSAGE', { type: 65536, payload: new Uint8Array() }), RangeError);
  // A JOIN's fields default to this version, the default game and a player's quick-join.
  assert.equal(toHex(encodeMessage('CLIENT_JOIN', { name: 'ann' })), '01 02 80 80 61 6e ee 00 80 80');
});

test('a JOIN of another protocol version is read no further than its version, as the server does', () => {
  assert.deepEqual(decodeClientMessage(fromHex('01 03 ff ff')).fields,
    { protocolVersion: 3, game: null, roomId: null, name: null, flags: 0, privateCode: null, reservation: null });
});

test('a MESSAGE whose payload length runs past the message is refused', () => {
  assert.throws(() => decodeServerMessage(fromHex('46 01 05 68 e9')), ProtocolError);
});

test('server ERROR matches the PROTOCOL.md example', () => {
  const text = 'room r1 is full (20 players)';
  const hex = `45 a0 1f ${written((w) => w.writeString(text))}`;
  assert.deepEqual(decodeServerMessage(fromHex(hex)), {
    message: 'SERVER_ERROR', fields: { code: 4000, message: text },
  });
  assert.equal(toHex(encodeMessage('SERVER_ERROR', { code: 4000, message: text })), hex);
});

test('server messages round-trip, including a delta with a mask above 7', () => {
  const messages = [
    ['SERVER_WELCOME', {
      protocolVersion: 2, playerId: 7, roomId: 'r1', game: 'arena', flags: 0, privateCode: 'K7M2QX',
      tickHz: 20, sendHz: 20, serverTime: 1700000000123,
      worldWidth: 2000, worldHeight: 1500, positionScale: 100, params: { playerSpeed: 150 },
      reconnectGraceMillis: 15000, resumeToken: 'q3Zt-9vB_xY0aLk2mN8pQr5sTu7wVx1y',
    }],
    ['SERVER_MESSAGE', { type: 300, payload: new Uint8Array([0, 1, 255]) }],
    ['SERVER_SNAPSHOT', { tick: 0, entities: [] }],
    ['SERVER_SNAPSHOT', { tick: 42, entities: [
      { id: 1, kind: 1, label: 'ann', fields: [100000, 50000, 3, 0] },
      { id: 2, kind: 2, label: null, fields: [-5, 2147483647] },
    ] }],
    ['SERVER_DELTA', {
      tick: 43, baselineTick: 41, removed: [2, 5, 300],
      spawns: [{ id: 301, kind: 2, label: null, fields: [1, 2] }],
      changed: [
        { id: 1, mask: 0b101, diffs: [-20, 1] },
        { id: 3, mask: 0b1000000001, diffs: [-2147483648, 7] },
      ],
    }],
    ['SERVER_DELTA', { tick: 5, baselineTick: 4, removed: [], spawns: [], changed: [] }],
    ['SERVER_PING', { time: 123456789012 }],
    ['SERVER_PONG', { time: 0 }],
  ];
  for (const [message, fields] of messages) {
    const bytes = encodeMessage(message, fields);
    assert.deepEqual(decodeServerMessage(bytes), { message, fields }, message);
  }
  // Layout of the changed entries: header (idGap << 4 | mask & 7 | 8), maskHigh, diffs.
  const delta = encodeMessage('SERVER_DELTA', {
    tick: 10, baselineTick: 9, removed: [], spawns: [],
    changed: [{ id: 1, mask: 1, diffs: [5] }, { id: 3, mask: 9, diffs: [1, -1] }],
  });
  assert.equal(toHex(delta), '42 0a 01 00 00 02 11 0a 29 01 02 01');
});

test('malformed server messages are refused: unknown tag, truncated, trailing bytes', () => {
  assert.throws(() => decodeServerMessage(fromHex('01 80 80')), /unknown server message tag 1/);
  assert.throws(() => decodeServerMessage(fromHex('43')), /ends early/);
  assert.throws(() => decodeServerMessage(fromHex('43 01 00')), /trailing/);
  assert.throws(() => decodeServerMessage(fromHex('41 01 05 01')), ProtocolError, 'entityCount beyond the message');
  assert.throws(() => decodeServerMessage(new Uint8Array(0)), ProtocolError);
});
