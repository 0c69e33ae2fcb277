/**
 * The frame codec: one WebSocket binary message = `[tag] (u8)` + body,
 * consumed exactly (PROTOCOL.md "Transport"). Decoded messages are
 * `{ message: 'SERVER_DELTA', fields: {...} }`, the shape of the golden vectors.
 */
import { ClientMessages } from './client-messages.js';
import { KryoReader } from './kryo-reader.js';
import { KryoWriter } from './kryo-writer.js';
import { ProtocolError } from './protocol-error.js';
import { ServerMessages } from './server-messages.js';

/** @typedef {{message: string, fields: object}} DecodedMessage */

/** @type {Record<string, import('./message-codec.js').MessageCodec>} */
const ALL = { ...ClientMessages, ...ServerMessages };
const SERVER_BY_TAG = byTag(ServerMessages);
const CLIENT_BY_TAG = byTag(ClientMessages);

/**
 * Encodes one message of either direction.
 * @param {string} message a name such as `CLIENT_INPUT`
 * @param {object} fields the message's fields, named as in PROTOCOL.md
 * @returns {Uint8Array} the bytes of one WebSocket binary message
 */
export function encodeMessage(message, fields = {}) {
  const codec = ALL[message];
  if (!codec) throw new RangeError(`unknown message ${message}`);
  const w = new KryoWriter();
  w.writeByte(codec.tag);
  codec.write(w, fields);
  return w.toBytes();
}

/**
 * Decodes a server -> client message (what the browser receives).
 * @param {Uint8Array|ArrayBuffer} bytes one whole WebSocket message
 * @returns {DecodedMessage}
 * @throws {ProtocolError} unknown tag, truncated body or trailing bytes
 */
export function decodeServerMessage(bytes) {
  return decodeWith(SERVER_BY_TAG, bytes, 'server');
}

/**
 * Decodes a client -> server message (for tests and tools).
 * @param {Uint8Array|ArrayBuffer} bytes one whole WebSocket message
 * @returns {DecodedMessage}
 */
export function decodeClientMessage(bytes) {
  return decodeWith(CLIENT_BY_TAG, bytes, 'client');
}

/**
 * @param {Map<number, {message: string, codec: import('./message-codec.js').MessageCodec}>} table
 * @param {Uint8Array|ArrayBuffer} bytes
 * @param {string} direction
 * @returns {DecodedMessage}
 */
function decodeWith(table, bytes, direction) {
  const r = new KryoReader(bytes);
  const tag = r.readByte();
  const entry = table.get(tag);
  if (!entry) throw new ProtocolError(`unknown ${direction} message tag ${tag}`);
  const fields = entry.codec.read(r);
  r.expectEnd(entry.message);
  return { message: entry.message, fields };
}

/**
 * @param {Record<string, import('./message-codec.js').MessageCodec>} codecs
 * @returns {Map<number, {message: string, codec: import('./message-codec.js').MessageCodec}>}
 */
function byTag(codecs) {
  const map = new Map();
  for (const [message, codec] of Object.entries(codecs)) map.set(codec.tag, { message, codec });
  return map;
}
