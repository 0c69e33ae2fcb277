/**
 * The payload of a game MESSAGE, in the protocol's own primitives
 * (PROTOCOL.md "MESSAGE"): the server's `PayloadWriter`/`PayloadReader`
 * write and read the same bytes, so a game needs no format of its own.
 *
 * ```js
 * session.sendMessage(CHAT, new PayloadWriter().string('hi').toBytes());
 * const r = new PayloadReader(payload); const id = r.varint(); const text = r.string(); r.end();
 * ```
 */
import { KryoReader } from './protocol/kryo-reader.js';
import { KryoWriter } from './protocol/kryo-writer.js';

export class PayloadWriter {
  constructor() {
    this.w = new KryoWriter();
  }

  /** @param {number} value an unsigned varint (a negative int takes 5 bytes) */
  varint(value) {
    this.w.writeVarInt(value);
    return this;
  }

  /** @param {number} value a signed int as a zig-zag varint */
  zigzag(value) {
    this.w.writeZigZag(value);
    return this;
  }

  /** @param {number} value an f32, little-endian */
  f32(value) {
    this.w.writeFloat32(value);
    return this;
  }

  /** @param {boolean} value one byte, 1 or 0 */
  bool(value) {
    this.w.writeBoolean(value);
    return this;
  }

  /** @param {string|null} value a Kryo string */
  string(value) {
    this.w.writeString(value);
    return this;
  }

  /** @returns {Uint8Array} the bytes written */
  toBytes() {
    return this.w.toBytes();
  }
}

/** Reads what a PayloadWriter (or the server's) wrote; throws a ProtocolError on a short or malformed payload. */
export class PayloadReader {
  /** @param {Uint8Array} payload */
  constructor(payload) {
    this.r = new KryoReader(payload);
  }

  /** @returns {number} */
  varint() {
    return this.r.readVarInt();
  }

  /** @returns {number} */
  zigzag() {
    return this.r.readZigZag();
  }

  /** @returns {number} */
  f32() {
    return this.r.readFloat32();
  }

  /** @returns {boolean} */
  bool() {
    return this.r.readBoolean();
  }

  /** @returns {string|null} */
  string() {
    return this.r.readString();
  }

  /** Throws unless every byte was read. */
  end() {
    this.r.expectEnd('MESSAGE payload');
  }
}
