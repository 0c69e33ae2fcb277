import { ProtocolError } from './protocol-error.js';

/**
 * Reads the Kryo 5 `Input` primitives listed in PROTOCOL.md ("Primitive
 * types") from one message. Every read checks the remaining length, so a
 * truncated message throws a ProtocolError instead of reading garbage.
 */
export class KryoReader {
  /**
   * @param {Uint8Array|ArrayBuffer} bytes one whole message
   */
  constructor(bytes) {
    this.bytes = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    this.view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    this.position = 0;
  }

  /** @returns {number} bytes not read yet */
  remaining() {
    return this.bytes.length - this.position;
  }

  /**
   * Throws unless the whole message was consumed (PROTOCOL.md: trailing bytes are malformed).
   * @param {string} what the message name, for the error text
   */
  expectEnd(what) {
    if (this.position !== this.bytes.length) {
      throw new ProtocolError(`${what}: ${this.remaining()} trailing byte(s) at offset ${this.position}`);
    }
  }

  /** @returns {number} one unsigned byte */
  readByte() {
    if (this.position >= this.bytes.length) {
      throw new ProtocolError(`message ends early at offset ${this.position}`);
    }
    return this.bytes[this.position++];
  }

  /**
   * Kryo `readVarInt(true)`: 1 to 5 LEB128 bytes. Returns the value as a
   * signed 32-bit int, like Java's `int` (so `ff ff ff ff 0f` is -1), which
   * is what the golden vectors hold. Like Kryo, the 5th byte ends the varint
   * whatever its high bit, and bits past 32 are dropped.
   * @returns {number}
   */
  readVarInt() {
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = this.readByte();
      result |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0 || shift === 28) break;
    }
    return result | 0;
  }

  /** @returns {number} the varint as an unsigned 32-bit number (0 .. 2^32-1) */
  readVarUint() {
    return this.readVarInt() >>> 0;
  }

  /**
   * Zig-zag varint (Kryo `readVarInt(false)`): 0,1,2,3,4 -> 0,-1,1,-2,2.
   * @returns {number} signed 32-bit
   */
  readZigZag() {
    const u = this.readVarInt();
    return (u >>> 1) ^ -(u & 1);
  }

  /**
   * Kryo `readVarLong(true)`: up to 8 groups of 7 bits, then a 9th byte of 8
   * bits. Built with multiplications, not `<<` (JS shifts are 32-bit), and
   * refused above 2^53 - 1 where a JS number would lose precision.
   * @returns {number}
   */
  readVarLong() {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 9; i++) {
      const b = this.readByte();
      if (i === 8) {
        result += b * scale;
        break;
      }
      result += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) break;
      scale *= 128;
    }
    if (!Number.isSafeInteger(result)) {
      throw new ProtocolError(`varlong above 2^53 ending at offset ${this.position}`);
    }
    return result;
  }

  /**
   * @returns {boolean} one byte, 1 or 0 (Kryo `readBoolean`); any other value is refused
   */
  readBoolean() {
    const b = this.readByte();
    if (b > 1) throw new ProtocolError(`byte ${b} where a bool (0 or 1) belongs, at offset ${this.position - 1}`);
    return b === 1;
  }

  /**
   * @param {number} count bytes to read
   * @returns {Uint8Array} a copy of the next `count` bytes
   */
  readBytes(count) {
    if (count > this.remaining()) {
      throw new ProtocolError(`message ends early at offset ${this.position} (${count} bytes wanted)`);
    }
    const out = this.bytes.slice(this.position, this.position + count);
    this.position += count;
    return out;
  }

  /** @returns {number} IEEE-754 single precision, little-endian (Kryo 5 `readFloat`) */
  readFloat32() {
    if (this.remaining() < 4) {
      throw new ProtocolError(`message ends early at offset ${this.position} (f32 needs 4 bytes)`);
    }
    const value = this.view.getFloat32(this.position, true);
    this.position += 4;
    return value;
  }

  /**
   * Kryo `readString`: the four forms of PROTOCOL.md ("string"), read
   * strictly: bytes Kryo's writer cannot produce (a bad lead or continuation
   * byte, an overlong char, a surrogate half outside a pair, a length not in
   * its shortest form or claiming more chars than bytes are left) throw
   * instead of decoding to a guess, as the server refuses them.
   * `TextDecoder` cannot be used: surrogate halves are separate 3-byte units.
   * @returns {string|null}
   */
  readString() {
    const first = this.readByte();
    if ((first & 0x80) === 0) return this.readAsciiFrom(first);
    const n = this.readLengthFlagged(first);
    if (n === 0) return null;
    if (n === 1) return '';
    const charCount = n - 1;
    // Each char takes at least one byte: a larger count is a broken length.
    if (charCount > this.remaining()) {
      throw new ProtocolError(`string claims ${charCount} chars but ${this.remaining()} bytes remain`);
    }
    const start = this.position;
    const units = new Array(charCount);
    for (let i = 0; i < charCount; i++) units[i] = this.readUtf16Unit();
    checkSurrogatePairs(units, start);
    return String.fromCharCode(...units);
  }

  /**
   * ASCII form: bytes up to and including the one with the high bit set.
   * @param {number} first the byte already read
   * @returns {string}
   */
  readAsciiFrom(first) {
    const codes = [first];
    for (;;) {
      const b = this.readByte();
      if (b & 0x80) {
        codes.push(b & 0x7f);
        return String.fromCharCode(...codes);
      }
      codes.push(b);
    }
  }

  /**
   * The string length varint: flag 0x80, bit 0x40 "more", 6 low bits, then
   * at most four 7-bit groups, in the shortest form (Kryo writes no other).
   * @param {number} first the byte already read
   * @returns {number}
   */
  readLengthFlagged(first) {
    let result = first & 0x3f;
    if ((first & 0x40) === 0) return result;
    let scale = 64;
    for (let i = 0; ; i++) {
      if (i === 4) {
        throw new ProtocolError(`string length longer than 5 bytes at offset ${this.position}`);
      }
      const b = this.readByte();
      result += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) {
        if (b === 0) {
          throw new ProtocolError(`string length not in its shortest form at offset ${this.position - 1}`);
        }
        return result;
      }
      scale *= 128;
    }
  }

  /** One UTF-16 code unit in 1, 2 or 3 bytes (Kryo's CESU-8), never overlong. */
  readUtf16Unit() {
    const offset = this.position;
    const b = this.readByte();
    if (b < 0x80) return b;
    if (b >= 0xc2 && b <= 0xdf) return ((b & 0x1f) << 6) | (this.readContinuation() & 0x3f);
    if ((b & 0xf0) === 0xe0) {
      const b2 = this.readContinuation();
      const b3 = this.readContinuation();
      const c = ((b & 0x0f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f);
      if (c < 0x800) throw new ProtocolError(`overlong string char at offset ${offset}`);
      return c;
    }
    // 0x80..0xbf continue a char, 0xc0/0xc1 only start overlong ones, 0xf0.. start 4-byte UTF-8 (not CESU-8).
    throw new ProtocolError(`invalid string byte 0x${b.toString(16)} at offset ${offset}`);
  }

  readContinuation() {
    const b = this.readByte();
    if ((b & 0xc0) !== 0x80) {
      throw new ProtocolError(`invalid string continuation byte 0x${b.toString(16)} at offset ${this.position - 1}`);
    }
    return b;
  }
}

/**
 * Throws unless every high surrogate is followed by a low one and every low
 * one follows a high one (a lone half is no text, and Kryo writes none for
 * well-formed strings).
 * @param {number[]} units UTF-16 code units
 * @param {number} offset where the string's chars start, for the message
 */
function checkSurrogatePairs(units, offset) {
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = units[i + 1];
      if (next === undefined || next < 0xdc00 || next > 0xdfff) {
        throw new ProtocolError(`string char ${i} (at offset ${offset}) is a high surrogate without its low half`);
      }
      i++;
    } else if (u >= 0xdc00 && u <= 0xdfff) {
      throw new ProtocolError(`string char ${i} (at offset ${offset}) is a low surrogate without its high half`);
    }
  }
}
