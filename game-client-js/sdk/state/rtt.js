/**
 * Round-trip time from the client's PING/PONG pairs (PROTOCOL.md: the
 * server echoes the PING's microsecond time in its PONG).
 */
export class RttEstimator {
  /** @param {number} [weight] weight of a new sample in the smoothed value */
  constructor(weight = 0.25) {
    this.weight = weight;
    /** @type {number|null} ms */
    this.last = null;
    /** @type {number|null} ms, exponentially smoothed */
    this.smoothed = null;
  }

  /**
   * @param {number} nowMs local clock, ms
   * @returns {number} the PING time field for now: microseconds, an integer
   */
  static pingTime(nowMs) {
    return Math.round(nowMs * 1000);
  }

  /**
   * Records a PONG.
   * @param {number} echoedMicros the time field of the PONG (our PING's time)
   * @param {number} nowMs local clock, ms
   * @returns {number} this round trip, ms
   */
  onPong(echoedMicros, nowMs) {
    const rtt = Math.max(0, nowMs - echoedMicros / 1000);
    this.last = rtt;
    this.smoothed = this.smoothed === null ? rtt : this.smoothed + (rtt - this.smoothed) * this.weight;
    return rtt;
  }
}
