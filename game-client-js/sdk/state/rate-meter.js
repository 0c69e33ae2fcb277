/**
 * Counts something per second over a sliding window: bytes received for the
 * HUD, frames drawn for the FPS. Pure: times are arguments (ms).
 */
export class RateMeter {
  /** @param {number} [windowMs] the window the rate is averaged over */
  constructor(windowMs = 1000) {
    this.windowMs = windowMs;
    /** @type {{time: number, amount: number}[]} */
    this.events = [];
    this.sum = 0;
    /** everything ever added */
    this.total = 0;
  }

  /**
   * @param {number} timeMs
   * @param {number} [amount] e.g. a message's byte length; 1 for a frame
   */
  add(timeMs, amount = 1) {
    this.events.push({ time: timeMs, amount });
    this.sum += amount;
    this.total += amount;
    this.prune(timeMs);
  }

  /** @param {number} timeMs drops what is older than the window */
  prune(timeMs) {
    while (this.events.length && this.events[0].time <= timeMs - this.windowMs) {
      this.sum -= /** @type {{amount: number}} */ (this.events.shift()).amount;
    }
  }

  /**
   * @param {number} timeMs
   * @returns {number} amount per second over the window ending at timeMs
   */
  rate(timeMs) {
    this.prune(timeMs);
    // Always the whole window (the first second reads low rather than wild).
    return (this.sum * 1000) / this.windowMs;
  }
}
