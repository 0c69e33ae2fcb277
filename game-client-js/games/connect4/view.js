/**
 * Connect Four's page while a room is joined: the board as buttons (one per
 * column, so a click, a tap, Enter or a digit key drops a disc), whose turn
 * and the clock, the last refusal, the winning line and the rematch button.
 * It draws with DOM in the page's stage, not on the canvas: a board of
 * 42 cells changes only on a move, and real buttons are tappable, focusable
 * and readable by screen readers. Every text the server or a player chose
 * is set with textContent. Built on the SDK's public entry point only.
 */
import { COLUMNS, ROWS, readBoard, secondsLeft } from './board-state.js';
import { decodeRejected, encodeMove, encodeRematch, MOVE, REJECTED, REMATCH } from './messages.js';
import { colorName, rematchButton, statusLine } from './status.js';

/** How long a refusal stays shown when nothing else happens, ms. */
const REFUSAL_MS = 6000;
const PHASES = ['waiting', 'playing', 'finished'];

export class ConnectFourView {
  /** @param {import('../../page/game-module.js').GameHost} host */
  constructor({ document, window, stage, session }) {
    this.doc = document;
    this.window = window;
    this.session = session;
    const room = /** @type {import('../../sdk/index.js').RoomState} */ (session.room);
    this.room = room;
    this.columns = Math.round(room.welcome.params.columns ?? COLUMNS);
    this.rows = Math.round(room.welcome.params.rows ?? ROWS);
    /** @type {{text: string, reason: string, atMs: number, moves: number, round: number}|null} */
    this.refusal = null;
    this.renderedKey = '';
    this.stylesheet = this.addStylesheet();

    this.root = this.element('section', 'c4');
    this.root.setAttribute('aria-label', 'Connect Four');
    this.status = this.element('p', 'c4-status');
    this.status.setAttribute('role', 'status');
    this.status.setAttribute('aria-live', 'polite');
    this.board = this.element('div', 'c4-board');
    this.board.setAttribute('role', 'group');
    this.board.setAttribute('aria-label', `Board: ${this.columns} columns, press a column or its number to drop a disc`);
    /** @type {HTMLButtonElement[]} */
    this.columnButtons = [];
    /** @type {HTMLElement[][]} cells[column][row], row 0 at the bottom */
    this.cells = [];
    for (let c = 0; c < this.columns; c++) this.addColumn(c);
    this.rejected = this.element('p', 'c4-rejected');
    this.rejected.setAttribute('role', 'alert');
    this.rejected.hidden = true;
    this.rematch = /** @type {HTMLButtonElement} */ (this.element('button', 'c4-rematch'));
    this.rematch.type = 'button';
    this.rematch.hidden = true;
    this.root.append(this.status, this.board, this.rejected, this.rematch);
    stage.append(this.root);

    this.board.addEventListener('click', (e) => {
      const button = /** @type {HTMLElement} */ (e.target).closest('button[data-column]');
      if (button instanceof HTMLElement) this.drop(Number(button.dataset.column));
    });
    this.rematch.addEventListener('click', () => this.session.sendMessage(REMATCH, encodeRematch()));
    this.onKey = (/** @type {KeyboardEvent} */ e) => {
      const target = /** @type {HTMLElement|null} */ (e.target);
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) return;
      const n = Number(e.key);
      if (Number.isInteger(n) && n >= 1 && n <= this.columns) this.drop(n - 1);
    };
    window.addEventListener('keydown', this.onKey);
  }

  /**
   * A player's click on a column: sent as it is, the server judges it (and
   * answers a refusal); a spectator is told at once, since it may not send.
   * @param {number} column
   */
  drop(column) {
    if (this.room.spectator) {
      this.showRefusal('spectator', 'You are watching: spectators cannot move.');
      return;
    }
    this.session.sendMessage(MOVE, encodeMove(column));
  }

  /**
   * @param {number} type
   * @param {Uint8Array} payload
   */
  onMessage(type, payload) {
    if (type !== REJECTED) return;
    const { reason, text } = decodeRejected(payload);
    this.showRefusal(String(reason), text);
  }

  /**
   * @param {string} reason for `data-reason`
   * @param {string} text
   */
  showRefusal(reason, text) {
    const board = this.read();
    this.refusal = { text, reason, atMs: this.window.performance.now(), moves: board.moves, round: board.round };
    this.renderedKey = '';
  }

  /** @param {number} nowMs */
  frame(nowMs) {
    // Drawn again only when a state arrived or the refusal changed: the board is still between moves.
    if (this.refusal && this.window.performance.now() - this.refusal.atMs > REFUSAL_MS) this.refusal = null;
    if (this.key() === this.renderedKey) return;
    const board = this.read();
    // A refusal goes once the board moves on.
    if (this.refusal && (board.moves !== this.refusal.moves || board.round !== this.refusal.round)) this.refusal = null;
    this.renderedKey = this.key();
    this.render(board);
  }

  /** @returns {string} what the drawn board depends on besides the state's content */
  key() {
    return `${this.room.states}|${this.refusal?.atMs ?? ''}`;
  }

  /** @returns {import('./board-state.js').Board} */
  read() {
    return readBoard(this.room.world.values(), this.room.playerId, this.columns, this.rows);
  }

  /** @param {import('./board-state.js').Board} board */
  render(board) {
    const own = board.own;
    const status = statusLine(board, secondsLeft(board, this.room.world.tick, this.room.welcome.tickHz));
    this.status.textContent = status.text;
    this.root.dataset.tone = status.tone;
    this.root.dataset.phase = PHASES[board.phase] ?? 'waiting';
    this.root.dataset.myTurn = String(own !== null && board.turn === own.color);
    this.root.dataset.ownColor = own ? colorName(own.color) : 'none';
    this.root.dataset.spectator = String(this.room.spectator);
    for (let c = 0; c < this.columns; c++) {
      const full = board.cells[c].every((cell) => cell !== null);
      this.columnButtons[c].dataset.full = String(full);
      this.columnButtons[c].setAttribute('aria-label', `Column ${c + 1}${full ? ', full' : ''}`);
      for (let r = 0; r < this.rows; r++) {
        const disc = board.cells[c][r];
        const span = this.cells[c][r];
        span.dataset.color = disc ? colorName(disc.color) : 'empty';
        span.dataset.winning = String(disc?.winning ?? false);
        span.dataset.last = String(board.lastMove !== null && board.lastMove.column === c && board.lastMove.row === r);
      }
    }
    this.rejected.hidden = this.refusal === null;
    this.rejected.textContent = this.refusal?.text ?? '';
    this.rejected.dataset.reason = this.refusal?.reason ?? '';
    const rematch = rematchButton(board);
    this.rematch.hidden = rematch === null;
    this.rematch.textContent = rematch?.text ?? '';
    this.rematch.disabled = rematch?.disabled ?? true;
  }

  /** @returns {{players: number, leaderboard: {id: number, name: string, score: number, own: boolean}[]}} */
  hud() {
    const seats = this.read().seats;
    const rows = seats.map((s) => ({ id: s.id, name: `${s.name} (${colorName(s.color)})`, score: s.wins, own: s.own }));
    rows.sort((a, b) => b.score - a.score || a.id - b.id);
    return { players: seats.length, leaderboard: rows };
  }

  unmount() {
    this.window.removeEventListener('keydown', this.onKey);
    this.root.remove();
    this.stylesheet.remove();
  }

  /** @param {number} c */
  addColumn(c) {
    const button = /** @type {HTMLButtonElement} */ (this.doc.createElement('button'));
    button.type = 'button';
    button.className = 'c4-column';
    button.dataset.column = String(c);
    /** @type {HTMLElement[]} */
    const column = [];
    // Top row first in the DOM, so the column reads from the top down like the board looks.
    for (let r = this.rows - 1; r >= 0; r--) {
      const cell = this.doc.createElement('span');
      cell.className = 'c4-cell';
      cell.dataset.row = String(r);
      column[r] = cell;
      button.append(cell);
    }
    this.columnButtons.push(button);
    this.cells.push(column);
    this.board.append(button);
  }

  /**
   * @param {string} tag
   * @param {string} id
   * @returns {HTMLElement}
   */
  element(tag, id) {
    const e = this.doc.createElement(tag);
    e.id = id;
    return e;
  }

  /** The game's own styles, next to this module, for as long as the view is mounted. */
  addStylesheet() {
    const link = this.doc.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL('./connect4.css', import.meta.url).href;
    this.doc.head.append(link);
    return link;
  }
}
