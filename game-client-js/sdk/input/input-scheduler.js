/**
 * When to send an INPUT: at a fixed rate (every `intervalMs`, 20 Hz by
 * default) so the server's lastSeq keeps advancing and the prediction has
 * a steady stream of acknowledgements, and at once on a real change of
 * direction, for responsiveness - but never closer than `minGapMs`, so key
 * mashing cannot trip the server's messages-per-second limit (close 1008).
 *
 * Pure: time is an argument.
 */
import { significantlyDifferent } from './direction.js';

export class InputScheduler {
  /**
   * @param {object} [options]
   * @param {number} [options.intervalMs] the regular send period
   * @param {number} [options.minGapMs] the least time between two sends
   * @param {number} [options.toleranceMs] a regular send this early is still on time (timer jitter)
   */
  constructor({ intervalMs = 50, minGapMs = 25, toleranceMs = 2 } = {}) {
    this.intervalMs = intervalMs;
    this.minGapMs = minGapMs;
    this.toleranceMs = toleranceMs;
    this.lastSentAt = null;
    this.lastSent = null;
  }

  /**
   * @param {number} nowMs
   * @param {import('./direction.js').Direction} direction the current steering
   * @returns {boolean} whether to send an INPUT now (then call `sent`)
   */
  due(nowMs, direction) {
    if (this.lastSentAt === null) return true;
    const since = nowMs - this.lastSentAt;
    if (since >= this.intervalMs - this.toleranceMs) return true;
    return since >= this.minGapMs && significantlyDifferent(this.lastSent, direction);
  }

  /**
   * @param {number} nowMs
   * @param {import('./direction.js').Direction} direction what was sent
   */
  sent(nowMs, direction) {
    this.lastSentAt = nowMs;
    this.lastSent = direction;
  }

  /** Forgets the last send (a new room starts a new stream). */
  reset() {
    this.lastSentAt = null;
    this.lastSent = null;
  }
}
