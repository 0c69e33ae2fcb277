// The golden vectors of protocol/vectors/*.json (written by the Java side,
// see PROTOCOL.md "Golden vectors"): the JS codec, written from PROTOCOL.md,
// must decode each hex to its fields and encode the fields to the same hex.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeClientMessage, decodeServerMessage, encodeMessage } from '@arena/sdk';
import { fromHex, toHex } from '@arena/sdk';

const VECTORS_DIR = fileURLToPath(new URL('../../../protocol/vectors/', import.meta.url));

function vectorFiles() {
  if (!existsSync(VECTORS_DIR)) return [];
  return readdirSync(VECTORS_DIR).filter((f) => f.endsWith('.json')).sort();
}

const files = vectorFiles();

if (files.length === 0) {
  test('golden vectors exist', () => {
    assert.fail(
      `no golden vectors found in ${VECTORS_DIR} (expected *.json files). ` +
        'They are written by the Java side (game-server protocol tests); run the Java build that ' +
        'generates them, or check that protocol/vectors/ was committed. This test does not skip: ' +
        'without vectors nothing proves the JS and Java codecs agree.',
    );
  });
}

for (const file of files) {
  test(`golden vectors of ${file}`, async (t) => {
    let vectors;
    try {
      vectors = JSON.parse(readFileSync(VECTORS_DIR + file, 'utf8'));
    } catch (e) {
      assert.fail(`${file} is not valid JSON (${e.message}): fix the Java vector writer`);
    }
    assert.ok(Array.isArray(vectors) && vectors.length > 0, `${file} must hold a non-empty array of vectors`);
    for (const [index, v] of vectors.entries()) {
      const label = `${file} #${index} "${v.name}" (${v.message})`;
      await t.test(label, () => checkVector(v, label));
    }
  });
}

/** MESSAGE payloads are hex strings in the vectors and Uint8Arrays in the codec. */
function toCodec(message, fields) {
  return message.endsWith('_MESSAGE') ? { ...fields, payload: fromHex(fields.payload) } : fields;
}

function toVector(decoded) {
  if (!decoded.message.endsWith('_MESSAGE')) return decoded;
  return { message: decoded.message, fields: { ...decoded.fields, payload: toHex(decoded.fields.payload, '') } };
}

function checkVector(v, label) {
  assert.ok(typeof v.message === 'string' && typeof v.hex === 'string' && v.fields !== undefined,
    `vector ${label} lacks message, fields or hex (PROTOCOL.md "Golden vectors")`);
  const bytes = fromHex(v.hex);
  const advice = 'fix game-client-js/sdk/protocol/ if PROTOCOL.md agrees with the vector; ' +
    'otherwise the Java side or PROTOCOL.md is wrong: report it, do not edit the vector';
  const isServer = v.message.startsWith('SERVER_');
  const decode = isServer ? decodeServerMessage : decodeClientMessage;

  let decoded;
  try {
    decoded = toVector(decode(bytes));
  } catch (e) {
    assert.fail(`the JS decoder disagrees with PROTOCOL.md/Java for vector ${label}: ` +
      `decoding ${v.hex} threw "${e.message}"; ${advice}`);
  }
  assert.deepEqual(decoded, { message: v.message, fields: v.fields },
    `the JS decoder disagrees with PROTOCOL.md/Java for vector ${label}: decoding ${v.hex} ` +
      `gave ${JSON.stringify(decoded)}; ${advice}`);

  let encoded;
  try {
    encoded = toHex(encodeMessage(v.message, toCodec(v.message, v.fields)));
  } catch (e) {
    assert.fail(`the JS encoder disagrees with PROTOCOL.md/Java for vector ${label}: ` +
      `encoding ${JSON.stringify(v.fields)} threw "${e.message}"; ${advice}`);
  }
  assert.equal(encoded, toHex(bytes),
    `the JS encoder disagrees with PROTOCOL.md/Java for vector ${label}: ` +
      `encoding ${JSON.stringify(v.fields)} gave ${encoded}, the vector says ${toHex(bytes)}; ${advice}`);
}
