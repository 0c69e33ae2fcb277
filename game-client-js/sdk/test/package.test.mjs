// The SDK as a package: its one entry point (package.json "exports", which
// these tests import it through), its payload helpers against the golden
// vectors' payloads, and its independence from every game.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as sdk from '@arena/sdk';

const SDK_DIR = fileURLToPath(new URL('../', import.meta.url));
const CLIENT_DIR = fileURLToPath(new URL('../../', import.meta.url));
const VECTORS_DIR = fileURLToPath(new URL('../../../protocol/vectors/', import.meta.url));

/** @returns {string[]} the .js files under dir, recursively, test folders left out */
function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = dir + name;
    if (statSync(path).isDirectory()) return name === 'test' || name === 'node_modules' ? [] : sources(`${path}/`);
    return name.endsWith('.js') ? [path] : [];
  });
}

test('the package exports one entry point, the one index.js, and it holds the documented API', () => {
  const pkg = JSON.parse(readFileSync(`${SDK_DIR}package.json`, 'utf8'));
  assert.equal(pkg.exports['.'], './index.js');
  assert.equal(pkg.type, 'module');
  for (const name of ['Session', 'Connection', 'Phase', 'RoomState', 'World', 'InterpolationBuffer', 'TickClock',
    'SteeringPredictor', 'PayloadWriter', 'PayloadReader', 'fetchGames', 'fetchRooms', 'encodeMessage',
    'decodeServerMessage', 'PROTOCOL_VERSION', 'MessageTag', 'CloseCode', 'KeyboardSteering', 'computeCamera']) {
    assert.ok(sdk[name] !== undefined, `@arena/sdk exports ${name}`);
  }
  assert.equal(sdk.PROTOCOL_VERSION, 2);
});

test('the SDK knows no game: it imports nothing from outside itself and names no game', () => {
  for (const file of sources(SDK_DIR)) {
    const text = readFileSync(file, 'utf8');
    for (const [, spec] of text.matchAll(/from '([^']+)'/g)) {
      const target = new URL(spec, `file://${file}`).pathname;
      assert.ok(target.startsWith(SDK_DIR), `${file} imports ${spec}, outside the SDK`);
    }
    // Outside comments, nothing of the arena game: its kinds, fields or params.
    assert.doesNotMatch(text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''), /\borbs?\b|\bscore\b|playerSpeed|chatMaxLength|EntityKind/i,
      `${file} knows something of a game`);
  }
});

test('a game folder uses only the SDK public entry point', () => {
  for (const file of sources(`${CLIENT_DIR}games/`)) {
    const text = readFileSync(file, 'utf8');
    for (const [, spec] of text.matchAll(/from '([^']+)'/g)) {
      const target = new URL(spec, `file://${file}`).pathname;
      const game = file.slice(`${CLIENT_DIR}games/`.length).split('/')[0];
      assert.ok(target === `${SDK_DIR}index.js` || target.startsWith(`${CLIENT_DIR}games/${game}/`),
        `${file} imports ${spec}: a game imports the SDK's index.js and its own folder only`);
    }
  }
});

test('payloads read back what the server wrote in the golden vectors', () => {
  const vectors = JSON.parse(readFileSync(`${VECTORS_DIR}client-message.json`, 'utf8'));
  const payload = (name) => sdk.fromHex(vectors.find((v) => v.name === name).fields.payload);
  const r = new sdk.PayloadReader(payload('type 128, varint and zigzag'));
  assert.equal(r.varint(), 300);
  assert.equal(r.zigzag(), -3);
  r.end();
  const mixed = new sdk.PayloadReader(payload('f32, bool and emoji string'));
  assert.deepEqual([mixed.f32(), mixed.bool(), mixed.string()], [-1.5, true, '😀']);
  mixed.end();
  assert.deepEqual(new sdk.PayloadWriter().varint(300).zigzag(-3).toBytes(), payload('type 128, varint and zigzag'));
  assert.deepEqual(new sdk.PayloadWriter().f32(-1.5).bool(true).string('😀').toBytes(), payload('f32, bool and emoji string'));
  assert.throws(() => new sdk.PayloadReader(new Uint8Array([2])).bool(), sdk.ProtocolError);
  const extra = new sdk.PayloadReader(new Uint8Array([1, 2]));
  extra.varint();
  assert.throws(() => extra.end(), sdk.ProtocolError);
});
