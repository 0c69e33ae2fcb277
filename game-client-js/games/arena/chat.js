/**
 * The arena's chat (docs/GAMES.md, "Reference: the arena game"): game
 * MESSAGE type 1 both ways. A client sends `[text] (string)`, at most
 * `chatMaxLength` (a WELCOME param) UTF-16 units; the server sends everyone
 * in the room `[playerId] (varint) [name] (string) [text] (string)`.
 *
 * The view shows names and lines as text, never as HTML: a player's
 * `<img onerror=...>` is shown as typed.
 */
import { PayloadReader, PayloadWriter } from '../../sdk/index.js';

export const CHAT = 1;
/** Lines kept in the log. */
const MAX_LINES = 50;

/**
 * @param {string} text
 * @returns {Uint8Array}
 */
export function encodeChat(text) {
  return new PayloadWriter().string(text).toBytes();
}

/**
 * @param {Uint8Array} payload
 * @returns {{playerId: number, name: string, text: string}}
 */
export function decodeChat(payload) {
  const r = new PayloadReader(payload);
  const line = { playerId: r.varint(), name: r.string() ?? '', text: r.string() ?? '' };
  r.end();
  return line;
}

/** The chat panel: the log, and a line to type (not for a spectator). */
export class ChatView {
  /**
   * @param {Document} doc
   * @param {HTMLElement} panel where the chat goes
   * @param {object} options
   * @param {number} options.maxLength the server's chatMaxLength
   * @param {boolean} options.canSend false for a spectator
   * @param {(text: string) => boolean} options.send sends a line; false when it could not
   * @param {number} options.ownId the own player's id, to mark own lines
   */
  constructor(doc, panel, { maxLength, canSend, send, ownId }) {
    this.doc = doc;
    this.ownId = ownId;
    this.root = doc.createElement('section');
    this.root.id = 'chat';
    this.root.setAttribute('aria-label', 'Chat');
    this.log = doc.createElement('ol');
    this.log.id = 'chat-log';
    this.log.setAttribute('aria-live', 'polite');
    this.root.append(this.log);
    if (canSend) {
      const form = doc.createElement('form');
      form.id = 'chat-form';
      const input = doc.createElement('input');
      input.id = 'chat-input';
      input.maxLength = maxLength;
      input.placeholder = 'Say something (Enter)';
      input.autocomplete = 'off';
      input.setAttribute('aria-label', 'Chat message');
      const button = doc.createElement('button');
      button.type = 'submit';
      button.textContent = 'Send';
      form.append(input, button);
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        const text = input.value.trim();
        if (text && send(text)) input.value = '';
      });
      this.root.append(form);
    }
    panel.append(this.root);
  }

  /** @param {{playerId: number, name: string, text: string}} line */
  add(line) {
    const li = this.doc.createElement('li');
    li.dataset.playerId = String(line.playerId);
    if (line.playerId === this.ownId) li.className = 'own';
    const name = this.doc.createElement('span');
    name.className = 'chat-name';
    name.textContent = line.name; // textContent: player-chosen, never HTML
    const text = this.doc.createElement('span');
    text.className = 'chat-text';
    text.textContent = line.text;
    li.append(name, text);
    this.log.append(li);
    while (this.log.children.length > MAX_LINES) this.log.firstElementChild?.remove();
    this.log.scrollTop = this.log.scrollHeight;
  }

  remove() {
    this.root.remove();
  }
}
