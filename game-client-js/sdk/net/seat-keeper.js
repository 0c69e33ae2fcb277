/**
 * Keeps a session's seat across drops (PROTOCOL.md "RESUME"): the resume
 * token of the last WELCOME, and after a drop the RESUME attempts
 * (Reconnector) until the seat is back, refused, or the server's grace
 * window is over. The session owns the phases and the connections; this
 * decides whether a close is worth a RESUME, when to try, and what to send.
 * Self-contained: no DOM, no game; clocks and timers are injected.
 */
import { PROTOCOL_VERSION } from '../protocol/constants.js';
import { Reconnector } from './reconnector.js';
import { isResumable } from './resume.js';

export class SeatKeeper {
  /**
   * @param {object} options
   * @param {() => number} options.now local clock, ms
   * @param {(fn: Function, ms: number) => any} options.setTimeout
   * @param {(handle: any) => void} options.clearTimeout
   * @param {() => number} options.random uniform in [0, 1), for the jitter
   * @param {() => void} options.attempt opens a new connection, which sends {@link resumeMessage} once open
   * @param {() => void} options.abandonAttempt drops the current attempt's connection (no answer in time)
   * @param {(code: number, reason: string) => void} options.giveUp the window is over: the drop's close, for good
   */
  constructor(options) {
    this.options = options;
    /** @type {{token: string, graceMs: number}|null} */
    this.seat = null;
    /** @type {Reconnector|null} */
    this.reconnector = null;
    /** @type {{code: number, reason: string}|null} the close that started the attempts */
    this.drop = null;
    /** @type {number} times the seat was taken back */
    this.resumes = 0;
  }

  /**
   * A WELCOME seated the player: its token (null when the server has resume off).
   * @param {{resumeToken: string|null, reconnectGraceMillis: number}} welcome
   */
  seated(welcome) {
    this.seat = welcome.resumeToken ? { token: welcome.resumeToken, graceMs: welcome.reconnectGraceMillis } : null;
  }

  /** LEAVE, a new JOIN or a final close: the seat is given up. */
  forget() {
    this.stop();
    this.seat = null;
  }

  /**
   * @param {number} code the close of the seated connection
   * @returns {boolean} whether the server holds the seat for a RESUME after it
   */
  canResume(code) {
    return this.seat !== null && isResumable(code);
  }

  /**
   * The seated connection closed with `code`: attempts begin, the first within 250 ms. Only after
   * {@link canResume} said yes.
   * @param {number} code
   * @param {string} reason
   */
  start(code, reason) {
    this.stop();
    if (!this.seat) throw new Error('no seat to take back');
    const drop = { code, reason };
    this.drop = drop;
    this.reconnector = new Reconnector({
      windowMs: this.seat.graceMs,
      now: this.options.now,
      setTimeout: this.options.setTimeout,
      clearTimeout: this.options.clearTimeout,
      random: this.options.random,
      attempt: () => this.options.attempt(),
      abandonAttempt: () => this.options.abandonAttempt(),
      giveUp: () => {
        this.reconnector = null;
        this.forget();
        this.options.giveUp(drop.code, drop.reason);
      },
    });
    this.reconnector.start();
  }

  /** @returns {number} the current attempt, counting from 1 (0 before the first) */
  get attempt() {
    return this.reconnector ? this.reconnector.attempt : 0;
  }

  /**
   * What an attempt's connection sends once open.
   * @param {number} lastTick the tick of the state the client holds, -1 for none
   */
  resumeMessage(lastTick) {
    return { protocolVersion: PROTOCOL_VERSION, token: this.seat ? this.seat.token : null, lastTick };
  }

  /**
   * An attempt's connection closed without the seat.
   * @param {number} code its close code
   * @returns {boolean} true when another attempt follows; false when the close refuses for good (4008, 4011...)
   */
  attemptClosed(code) {
    if (this.reconnector && isResumable(code)) {
      this.reconnector.failed();
      return true;
    }
    this.forget();
    return false;
  }

  /**
   * WELCOME answered the RESUME: the seat is back.
   * @param {{resumeToken: string|null, reconnectGraceMillis: number}} welcome
   */
  resumed(welcome) {
    this.stop();
    this.drop = null;
    this.resumes++;
    this.seated(welcome);
  }

  stop() {
    if (this.reconnector) this.reconnector.stop();
    this.reconnector = null;
  }
}
