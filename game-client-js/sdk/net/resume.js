/**
 * Taking the seat back after a drop (PROTOCOL.md "RESUME"), the client's
 * side of it, apart from any game: which closes are worth a RESUME, when to
 * try (exponential backoff with jitter, the first try within 250 ms, none past
 * the server's grace window), and how long a connection may stay silent
 * before it counts as dropped. Pure: clocks and randomness are arguments.
 */
import { CloseCode } from '../protocol/constants.js';

/**
 * Closes after which the server holds the seat: a drop (1006, or a close
 * without a status), an internal error or restart (1011..1013), too slow
 * (4002), no PONG (4010), and a connection the client itself gave up on as
 * silent. Not: a normal close or LEAVE (1000), the server going away (1001:
 * its tokens go with it), protocol errors (the seat is given up), a closed
 * room (4003), a seat taken by another tab (4009), a failed resume (4008), or an
 * operator's close of the room (4015) or kick (4016): those seats are gone.
 */
const RESUMABLE = new Set([1005, 1006, 1011, 1012, 1013, CloseCode.TOO_SLOW, CloseCode.PEER_TIMEOUT]);

/**
 * @param {number} code a close code
 * @returns {boolean} whether a RESUME may get the seat back after it
 */
export function isResumable(code) {
  return RESUMABLE.has(code);
}

/**
 * How long a seated client may hear nothing before it counts the connection
 * as dropped: the server sends a state every send interval and a PING every
 * few seconds, so silence means a half-open connection (a phone that changed
 * networks, a laptop that slept) that TCP would take minutes to notice.
 * @param {number} sendHz the room's update rate, from WELCOME
 * @returns {number} ms
 */
export function silenceLimitMs(sendHz) {
  return Math.max(2000, Math.round(4000 / Math.max(1, sendHz)));
}

/**
 * The schedule of RESUME attempts within one grace window: attempt n waits
 * about `firstDelayMs * 2^n` (capped at `maxDelayMs`), jittered, so clients
 * dropped together do not come back together; the first waits up to
 * `firstDelayMs`, as a blip is often over by then.
 */
export class ResumeSchedule {
  /**
   * @param {object} options
   * @param {number} options.windowMs the server's grace window (WELCOME's reconnectGraceMillis)
   * @param {number} options.startMs when the drop was noticed, local clock
   * @param {() => number} [options.random] uniform in [0, 1)
   * @param {number} [options.firstDelayMs]
   * @param {number} [options.maxDelayMs]
   */
  constructor({ windowMs, startMs, random = Math.random, firstDelayMs = 250, maxDelayMs = 4000 }) {
    this.deadlineMs = startMs + windowMs;
    this.random = random;
    this.firstDelayMs = firstDelayMs;
    this.maxDelayMs = maxDelayMs;
    /** @type {number} attempts scheduled so far */
    this.attempts = 0;
  }

  /**
   * @param {number} nowMs
   * @returns {number|null} ms to wait before the next attempt, or null: the window is over
   */
  nextDelay(nowMs) {
    const left = this.deadlineMs - nowMs;
    if (left <= 0) return null;
    let delay;
    if (this.attempts === 0) {
      delay = this.random() * this.firstDelayMs;
    } else {
      // "Equal jitter": half the step for sure, half at random.
      const step = Math.min(this.maxDelayMs, this.firstDelayMs * 2 ** this.attempts);
      delay = step / 2 + this.random() * (step / 2);
    }
    this.attempts++;
    return Math.min(delay, left);
  }

  /**
   * @param {number} nowMs
   * @returns {number} ms left in the window (0 when over)
   */
  remaining(nowMs) {
    return Math.max(0, this.deadlineMs - nowMs);
  }
}
