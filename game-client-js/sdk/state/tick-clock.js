/**
 * Maps the server's tick timeline onto the local clock, so states can be
 * rendered at the pace the server produced them rather than the (jittery)
 * pace they arrived.
 *
 * A state of tick `t` is at `t * 1000 / tickHz` ms on the server timeline.
 * Its arrival gives `offset = receiveTime - tickTime` (latency + clock
 * origin). The least-delayed arrival in a recent window is the best estimate,
 * so the target offset is the window's minimum; the offset in use moves
 * towards it at a bounded rate (`maxSlew`, a fraction of real time), so the
 * render clock never jumps, it only runs a few percent fast or slow. Far off
 * (a paused tab, a new room) it resyncs at once.
 *
 * Pure: all times are arguments, in milliseconds of one local clock.
 */
export class TickClock {
  /**
   * @param {object} options
   * @param {number} options.tickHz simulation rate from WELCOME
   * @param {number} [options.windowMs] how long an arrival counts for the minimum
   * @param {number} [options.maxSlew] max offset change per ms of real time
   * @param {number} [options.resyncMs] an offset error larger than this is corrected at once
   */
  constructor({ tickHz, windowMs = 3000, maxSlew = 0.05, resyncMs = 1000 }) {
    this.tickMs = 1000 / tickHz;
    this.windowMs = windowMs;
    this.maxSlew = maxSlew;
    this.resyncMs = resyncMs;
    /** @type {{time: number, offset: number}[]} arrivals in the window, oldest first */
    this.samples = [];
    /** @type {number|null} the offset in use at anchorTime, null before the first state */
    this.anchorOffset = null;
    this.anchorTime = 0;
    this.target = 0;
  }

  /**
   * @param {number} tick
   * @returns {number} the tick's time on the server timeline, ms
   */
  tickTime(tick) {
    return tick * this.tickMs;
  }

  /**
   * Records that the state of `tick` arrived at `receiveMs`.
   * @param {number} tick
   * @param {number} receiveMs local time of arrival
   */
  observe(tick, receiveMs) {
    const offset = receiveMs - this.tickTime(tick);
    this.samples.push({ time: receiveMs, offset });
    while (this.samples.length > 1 && this.samples[0].time < receiveMs - this.windowMs) this.samples.shift();
    let target = Infinity;
    for (const s of this.samples) target = Math.min(target, s.offset);
    /** @type {number|null} */
    const current = this.anchorOffset === null ? null : this.offsetAt(receiveMs);
    if (current === null || Math.abs(target - current) > this.resyncMs) {
      // Old arrivals belong to the timeline being replaced.
      this.samples = [{ time: receiveMs, offset }];
      target = offset;
      this.anchorOffset = offset;
    } else {
      this.anchorOffset = current;
    }
    this.anchorTime = receiveMs;
    this.target = target;
  }

  /**
   * @param {number} nowMs
   * @returns {number} the offset in use at `nowMs`: the anchor slewed towards the target
   */
  offsetAt(nowMs) {
    // Before the first state there is no anchor (callers check `ready`): the target stands in.
    const anchor = this.anchorOffset ?? this.target;
    const room = this.maxSlew * Math.max(0, nowMs - this.anchorTime);
    const wanted = this.target - anchor;
    return anchor + Math.max(-room, Math.min(room, wanted));
  }

  /** @returns {boolean} whether any state has been observed */
  get ready() {
    return this.anchorOffset !== null;
  }

  /**
   * @param {number} nowMs local time
   * @returns {number} the server-timeline time that is "now" for the newest data (ms)
   */
  serverTimeAt(nowMs) {
    return nowMs - this.offsetAt(nowMs);
  }
}
