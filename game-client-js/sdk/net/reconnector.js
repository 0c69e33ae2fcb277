/**
 * Drives the RESUME attempts after one drop, on the schedule of
 * `ResumeSchedule`: each attempt opens a connection and sends RESUME (the
 * caller's `attempt`); one that fails (its connection closes) or hangs
 * (no answer within `attemptTimeoutMs`: a half-dead network can keep a
 * connect pending for minutes) is followed by the next, until the caller
 * stops it (resumed, or refused for good) or the window ends (`giveUp`).
 * Knows nothing of sockets or rooms; timers and clock are injected.
 */
import { ResumeSchedule } from './resume.js';

export class Reconnector {
  /**
   * @param {object} options
   * @param {number} options.windowMs the server's grace window
   * @param {() => number} options.now local clock, ms
   * @param {(fn: Function, ms: number) => any} options.setTimeout
   * @param {(handle: any) => void} options.clearTimeout
   * @param {(attempt: number) => void} options.attempt opens a connection and sends RESUME (attempts count from 1)
   * @param {() => void} options.abandonAttempt drops the current attempt's connection: it took too long
   * @param {() => void} options.giveUp the window is over without the seat
   * @param {() => number} [options.random]
   * @param {number} [options.attemptTimeoutMs]
   */
  constructor(options) {
    this.options = options;
    this.schedule = new ResumeSchedule({ windowMs: options.windowMs, startMs: options.now(), random: options.random });
    this.attemptTimeoutMs = options.attemptTimeoutMs ?? 4000;
    /** @type {number} attempts started */
    this.attempt = 0;
    this.timer = null;
    this.active = false;
  }

  start() {
    this.active = true;
    this.next();
  }

  /** The current attempt's connection closed without the seat: the next one, if the window allows. */
  failed() {
    if (!this.active) return;
    this.clear();
    this.next();
  }

  /** Resumed, or refused for good: no more attempts. */
  stop() {
    this.active = false;
    this.clear();
  }

  next() {
    const delay = this.schedule.nextDelay(this.options.now());
    if (delay === null) {
      this.active = false;
      this.options.giveUp();
      return;
    }
    this.timer = this.options.setTimeout(() => this.fire(), delay);
  }

  fire() {
    this.timer = null;
    this.attempt++;
    this.options.attempt(this.attempt);
    if (!this.active) return;
    this.timer = this.options.setTimeout(() => {
      this.timer = null;
      this.options.abandonAttempt();
      this.next();
    }, this.attemptTimeoutMs);
  }

  clear() {
    if (this.timer !== null) this.options.clearTimeout(this.timer);
    this.timer = null;
  }
}
