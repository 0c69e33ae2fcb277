/**
 * The entity record of PROTOCOL.md ("Entities"), used by SNAPSHOT and by the
 * spawns of DELTA:
 * ```
 * [id]          (varint)
 * [kind]        (varint)
 * [label]       (string)
 * [fieldCount]  (varint)
 * [field]       (zigzag) × fieldCount   absolute values
 * ```
 * As JSON (golden vectors): `{ id, kind, label, fields: [..] }`.
 */
import { ProtocolError } from './protocol-error.js';

/**
 * @typedef {{id: number, kind: number, label: string|null, fields: number[]}} EntityRecord
 */

/**
 * @param {import('./kryo-writer.js').KryoWriter} w
 * @param {EntityRecord} e
 */
export function writeEntityRecord(w, e) {
  w.writeVarInt(e.id);
  w.writeVarInt(e.kind);
  w.writeString(e.label ?? null);
  w.writeVarInt(e.fields.length);
  for (const value of e.fields) w.writeZigZag(value);
}

/**
 * @param {import('./kryo-reader.js').KryoReader} r
 * @returns {EntityRecord}
 */
export function readEntityRecord(r) {
  const id = r.readVarInt();
  const kind = r.readVarInt();
  const label = r.readString();
  const fieldCount = r.readVarUint();
  // Each field is at least one byte: a larger count is a broken message, not a huge allocation.
  if (fieldCount > r.remaining()) {
    throw new ProtocolError(`entity ${id} claims ${fieldCount} fields but ${r.remaining()} bytes remain`);
  }
  const fields = new Array(fieldCount);
  for (let i = 0; i < fieldCount; i++) fields[i] = r.readZigZag();
  return { id, kind, label, fields };
}

/**
 * Reads a count that is followed by at least `count` bytes, refusing
 * counts the message cannot hold (so a corrupt count fails fast).
 * @param {import('./kryo-reader.js').KryoReader} r
 * @param {string} what the count's name, for the error text
 * @returns {number}
 */
export function readCount(r, what) {
  const count = r.readVarUint();
  if (count > r.remaining()) {
    throw new ProtocolError(`${what} ${count} is more than the ${r.remaining()} bytes left`);
  }
  return count;
}
