/**
 * Writes the Kryo 5 `Output` primitives listed in PROTOCOL.md ("Primitive
 * types") into a growing byte buffer. Mirrors Kryo byte for byte, including
 * its choice of string form.
 */
export class KryoWriter {
  /** @param {number} [capacity] initial buffer size in bytes */
  constructor(capacity = 64) {
    this.bytes = new Uint8Array(capacity);
    this.view = new DataView(this.bytes.buffer);
    this.position = 0;
  }

  /** @returns {Uint8Array} a copy of the written bytes, ready to send */
  toBytes() {
    return this.bytes.slice(0, this.position);
  }

  /** @param {number} count bytes about to be written */
  ensure(count) {
    if (this.position + count <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.position + count));
    grown.set(this.bytes.subarray(0, this.position));
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }

  /** @param {number} value 0..255 */
  writeByte(value) {
    this.ensure(1);
    this.bytes[this.position++] = value & 0xff;
  }

  /**
   * Kryo `writeVarInt(v, true)`: the value as an unsigned 32-bit number in
   * 1 to 5 LEB128 bytes. Accepts a signed int (-1 -> `ff ff ff ff 0f`) or an
   * unsigned one up to 2^32-1.
   * @param {number} value integer in -2^31 .. 2^32-1
   */
  writeVarInt(value) {
    checkInteger(value, -0x80000000, 0xffffffff, 'varint');
    let v = value >>> 0;
    while (v > 0x7f) {
      this.writeByte((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    this.writeByte(v);
  }

  /**
   * Zig-zag varint (Kryo `writeVarInt(v, false)`).
   * @param {number} value signed 32-bit integer
   */
  writeZigZag(value) {
    checkInteger(value, -0x80000000, 0x7fffffff, 'zigzag');
    this.writeVarInt(((value << 1) ^ (value >> 31)) >>> 0);
  }

  /**
   * Kryo `writeVarLong(v, true)` for 0 .. 2^53-1. Uses division instead of
   * shifts, which would truncate to 32 bits. Values below 2^53 need at most
   * 8 bytes; the 9-byte form (8 bits in the last byte) is kept for symmetry.
   * @param {number} value
   */
  writeVarLong(value) {
    checkInteger(value, 0, Number.MAX_SAFE_INTEGER, 'varlong');
    let v = value;
    for (let i = 0; i < 8; i++) {
      if (v < 128) {
        this.writeByte(v);
        return;
      }
      this.writeByte((v % 128) | 0x80);
      v = Math.floor(v / 128);
    }
    this.writeByte(v);
  }

  /** @param {boolean} value one byte, 1 or 0 (Kryo `writeBoolean`) */
  writeBoolean(value) {
    this.writeByte(value ? 1 : 0);
  }

  /** @param {Uint8Array} bytes copied as they are */
  writeBytes(bytes) {
    this.ensure(bytes.length);
    this.bytes.set(bytes, this.position);
    this.position += bytes.length;
  }

  /** @param {number} value written as IEEE-754 single precision, little-endian */
  writeFloat32(value) {
    this.ensure(4);
    this.view.setFloat32(this.position, value, true);
    this.position += 4;
  }

  /**
   * Kryo `writeString`: null `80`, "" `81`, 2..32 chars all <= 0x7F as ASCII
   * with the high bit on the last byte, anything else as a flagged length
   * (UTF-16 units + 1) then 1 to 3 bytes per UTF-16 unit.
   * @param {string|null} value
   */
  writeString(value) {
    if (value === null || value === undefined) {
      this.writeByte(0x80);
      return;
    }
    const count = value.length;
    if (count === 0) {
      this.writeByte(0x81);
      return;
    }
    // Kryo 5.6 tests `charAt(i) > 127`, so NUL counts as ASCII here too.
    if (count > 1 && count <= 32 && isAscii(value)) {
      this.ensure(count);
      for (let i = 0; i < count; i++) this.bytes[this.position++] = value.charCodeAt(i);
      this.bytes[this.position - 1] |= 0x80;
      return;
    }
    this.writeLengthFlagged(count + 1);
    this.ensure(count * 3);
    for (let i = 0; i < count; i++) {
      const c = value.charCodeAt(i);
      if (c <= 0x7f) {
        this.bytes[this.position++] = c;
      } else if (c <= 0x7ff) {
        this.bytes[this.position++] = 0xc0 | ((c >> 6) & 0x1f);
        this.bytes[this.position++] = 0x80 | (c & 0x3f);
      } else {
        this.bytes[this.position++] = 0xe0 | ((c >> 12) & 0x0f);
        this.bytes[this.position++] = 0x80 | ((c >> 6) & 0x3f);
        this.bytes[this.position++] = 0x80 | (c & 0x3f);
      }
    }
  }

  /**
   * Kryo `writeVarIntFlag(true, n, true)`: 0x80 flag, 0x40 "more", 6 bits, then 7-bit groups.
   * @param {number} n
   */
  writeLengthFlagged(n) {
    let v = n >>> 0;
    const more = v > 0x3f;
    this.writeByte(0x80 | (more ? 0x40 : 0) | (v & 0x3f));
    if (!more) return;
    v >>>= 6;
    while (v > 0x7f) {
      this.writeByte((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    this.writeByte(v);
  }
}

/**
 * @param {string} value
 * @returns {boolean}
 */
function isAscii(value) {
  for (let i = 0; i < value.length; i++) {
    if (value.charCodeAt(i) > 0x7f) return false;
  }
  return true;
}

/**
 * @param {number} value
 * @param {number} min
 * @param {number} max
 * @param {string} type for the message
 */
function checkInteger(value, min, max, type) {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${type} out of range: ${value}`);
  }
}
