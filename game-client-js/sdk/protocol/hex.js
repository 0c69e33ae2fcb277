/**
 * Hex text <-> bytes, in the spaced lower-case form PROTOCOL.md and the
 * golden vectors use (`02 01 00 00 80 3f`); spaces are optional on input.
 */

/**
 * @param {string} hex e.g. `"01 80 61 6e ee"` or `"0180616eee"`
 * @returns {Uint8Array}
 */
export function fromHex(hex) {
  const clean = hex.replace(/\s+/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean)) {
    throw new RangeError(`not a hex byte string: "${hex}"`);
  }
  const bytes = new Uint8Array(clean.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(clean.substr(i * 2, 2), 16);
  return bytes;
}

/**
 * @param {Uint8Array|ArrayBuffer} bytes
 * @param {string} [separator] between bytes, a space by default
 * @returns {string} lower-case hex
 */
export function toHex(bytes, separator = ' ') {
  const array = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  return Array.from(array, (b) => b.toString(16).padStart(2, '0')).join(separator);
}
