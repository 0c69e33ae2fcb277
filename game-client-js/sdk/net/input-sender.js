/**
 * What a player steers its room with: INPUTs paced by an `InputScheduler`
 * (every interval, and at once on a real turn), each with the next `seq`,
 * recorded in the room for prediction exactly as the server will see it (as
 * f32). The seq counts from 1 per seat: a JOIN starts it again, a RESUME
 * carries on, since the server keeps acknowledging the same player.
 */
import { InputScheduler } from '../input/input-scheduler.js';

export class InputSender {
  /**
   * @param {object} options
   * @param {() => number} options.now local clock, ms
   * @param {number} options.intervalMs INPUT period
   * @param {(message: string, fields: object) => boolean} options.send sends a client message; false when it could not
   */
  constructor(options) {
    this.options = options;
    this.scheduler = new InputScheduler({ intervalMs: options.intervalMs });
    /** the seq of the last INPUT sent */
    this.seq = 0;
  }

  /** A new seat: the seq counts from 1 again. */
  reset() {
    this.seq = 0;
    this.scheduler.reset();
  }

  /**
   * Sends an INPUT when the scheduler says so.
   * @param {{recordInput: (seq: number, dx: number, dy: number, timeMs: number) => void}} room where it is predicted
   * @param {import('../input/direction.js').Direction} direction
   * @returns {boolean} whether an INPUT was sent
   */
  steer(room, direction) {
    const now = this.options.now();
    if (!this.scheduler.due(now, direction)) return false;
    // The server sees f32 values: predict with exactly those.
    const dx = Math.fround(direction.dx);
    const dy = Math.fround(direction.dy);
    const seq = (this.seq + 1) | 0;
    if (!this.options.send('CLIENT_INPUT', { seq, dx, dy, buttons: 0 })) return false;
    this.seq = seq;
    room.recordInput(seq, dx, dy, now);
    this.scheduler.sent(now, direction);
    return true;
  }
}
