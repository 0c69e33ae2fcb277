/**
 * The client's side of keep-alive on one connection: its own PING every
 * `pingIntervalMs` (for the RTT), and, while seated, a watch for silence:
 * the server sends a state every send interval, so a connection that
 * delivers nothing for `silenceMs` is half-open (the network went, TCP has
 * not noticed) and `onSilent` runs, once. Timers and clock are injected.
 */
export class Liveness {
  /**
   * @param {object} options
   * @param {() => number} options.now local clock, ms
   * @param {(fn: Function, ms: number) => any} options.setInterval
   * @param {(handle: any) => void} options.clearInterval
   * @param {number} options.pingIntervalMs
   * @param {() => void} options.ping sends a PING
   * @param {(silentMs: number) => void} options.onSilent the watched connection went silent
   * @param {number} [options.checkMs] how often silence is checked
   */
  constructor(options) {
    this.options = options;
    this.checkMs = options.checkMs ?? 250;
    /** @type {any} */
    this.pingTimer = null;
    /** @type {any} */
    this.watchTimer = null;
    this.lastHeardMs = 0;
  }

  /** Starts pinging, now and every interval. */
  start() {
    this.stop();
    this.lastHeardMs = this.options.now();
    this.pingTimer = this.options.setInterval(() => this.options.ping(), this.options.pingIntervalMs);
    this.options.ping();
  }

  /**
   * Starts (or, with null, stops) watching for silence longer than `silenceMs`.
   * @param {number|null} silenceMs
   */
  watch(silenceMs) {
    this.unwatch();
    if (silenceMs === null) return;
    this.lastHeardMs = this.options.now();
    this.watchTimer = this.options.setInterval(() => {
      const silent = this.options.now() - this.lastHeardMs;
      if (silent > silenceMs) {
        this.unwatch();
        this.options.onSilent(silent);
      }
    }, this.checkMs);
  }

  /**
   * A message arrived.
   * @param {number} nowMs
   */
  heard(nowMs) {
    this.lastHeardMs = nowMs;
  }

  stop() {
    if (this.pingTimer !== null) this.options.clearInterval(this.pingTimer);
    this.pingTimer = null;
    this.unwatch();
  }

  unwatch() {
    if (this.watchTimer !== null) this.options.clearInterval(this.watchTimer);
    this.watchTimer = null;
  }
}
