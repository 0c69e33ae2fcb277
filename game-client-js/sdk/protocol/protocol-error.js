/**
 * A message that does not follow PROTOCOL.md: truncated, trailing bytes,
 * unknown tag, invalid string bytes, or a value that cannot be represented.
 * The server closes with 1002 on such a message; the client reports it as a
 * bug (the server is trusted to write valid messages).
 */
export class ProtocolError extends Error {
  /** @param {string} message what is wrong, with the offset where useful */
  constructor(message) {
    super(message);
    this.name = 'ProtocolError';
  }
}
