/**
 * One WebSocket to the server, as protocol messages: binary frames only, one
 * frame = one message (PROTOCOL.md "Transport"), decoded on arrival and
 * encoded on send. Knows nothing of rooms or phases (that is Session).
 */
import { decodeServerMessage, encodeMessage } from '../protocol/codec.js';

const OPEN = 1;

/**
 * @typedef {object} ConnectionHandlers
 * @property {() => void} onOpen
 * @property {(message: import('../protocol/codec.js').DecodedMessage, byteLength: number) => void} onMessage
 * @property {(error: Error, byteLength: number) => void} onBadMessage a frame that is not a valid server message
 * @property {(code: number, reason: string) => void} onClose
 */

export class Connection {
  /**
   * @param {string} url e.g. `ws://localhost:8080/ws`
   * @param {(url: string) => WebSocket} createSocket the WebSocket constructor, injectable for tests
   * @param {ConnectionHandlers} handlers
   */
  constructor(url, createSocket, handlers) {
    this.closed = false;
    const socket = createSocket(url);
    socket.binaryType = 'arraybuffer';
    socket.onopen = () => handlers.onOpen();
    socket.onmessage = (event) => {
      if (typeof event.data === 'string') {
        handlers.onBadMessage(new Error('the server sent a text message'), event.data.length);
        return;
      }
      let message;
      try {
        message = decodeServerMessage(event.data);
      } catch (error) {
        handlers.onBadMessage(/** @type {Error} */ (error), event.data.byteLength);
        return;
      }
      handlers.onMessage(message, event.data.byteLength);
    };
    // A failed connect fires error then close (1006); close alone carries the code.
    socket.onerror = () => {};
    socket.onclose = (event) => {
      if (this.closed) return;
      this.closed = true;
      handlers.onClose(event.code, event.reason || '');
    };
    this.socket = socket;
  }

  /** @returns {boolean} whether messages can be sent */
  get open() {
    return !this.closed && this.socket.readyState === OPEN;
  }

  /**
   * Encodes and sends one client message; dropped when not open.
   * @param {string} message e.g. `CLIENT_INPUT`
   * @param {object} [fields]
   * @returns {boolean} whether it was sent
   */
  send(message, fields = {}) {
    if (!this.open) return false;
    this.socket.send(encodeMessage(message, fields));
    return true;
  }

  /**
   * @param {number} [code] 1000 or 3000..4999 (browser rule)
   * @param {string} [reason]
   */
  close(code = 1000, reason = '') {
    this.socket.close(code, reason);
  }

  /**
   * Gives up on this connection at once: no handler runs any more, whatever
   * it still delivers (a half-open socket may flush old messages later), and
   * it is asked to close. For a connection that went silent or took too long.
   * @param {string} [reason]
   */
  abandon(reason = '') {
    this.closed = true;
    this.socket.onopen = null;
    this.socket.onmessage = null;
    this.socket.onclose = null;
    try {
      this.socket.close(1000, reason.slice(0, 100));
    } catch {
      // Already closing or closed: nothing more to do.
    }
  }
}
