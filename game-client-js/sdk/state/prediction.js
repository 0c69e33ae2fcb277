/**
 * A ready-made prediction hook (see RoomState's PredictionHook) for games
 * where a player steers at a fixed speed inside a walled world, reconciled
 * with the server. The arena game is one: its rules are the model below.
 *
 * The server's model: an INPUT sets the player's direction and lastSeq when
 * a tick applies it; each tick then moves the player by
 * `dir * speed * dt`, clamped per axis to 0..worldWidth / 0..worldHeight.
 *
 * The client mirrors it in time: an input steers from the moment it was sent
 * until the next one was sent. The predicted position "now" is the server's
 * position (from the newest state) plus
 * - the rest of the acknowledged input `lastSeq` that the server has not
 *   simulated yet (its duration minus the ticks the server already ran it:
 *   `(stateTick - appliedTick + 1)` ticks, since inputs apply before the
 *   tick's movement),
 * - each unacknowledged input replayed for its duration (the newest until now).
 * Acknowledged inputs are dropped. When the server agrees, the replayed path
 * is the path already shown, so nothing moves; when it disagrees (an input
 * the server applied a tick later, a collision...), the difference is kept
 * as a display offset that decays over `smoothingMs`, so the correction
 * glides instead of snapping. A difference above `snapDistance` (a respawn)
 * is applied at once.
 *
 * Pure: all times are arguments, in ms of the local clock.
 */

/** @typedef {{seq: number, dx: number, dy: number, time: number}} SentInput */

export class Predictor {
  /**
   * @param {object} options
   * @param {number} options.worldWidth world units, from WELCOME
   * @param {number} options.worldHeight world units, from WELCOME
   * @param {number} options.tickHz simulation rate, from WELCOME
   * @param {number} [options.speed] player speed, world units per second
   * @param {number} [options.smoothingMs] time constant of the correction's decay
   * @param {number} [options.snapDistance] corrections larger than this are not smoothed
   * @param {number} [options.maxPending] unacknowledged inputs kept at most
   */
  constructor({ worldWidth, worldHeight, tickHz, speed = 200, smoothingMs = 100, snapDistance = 100, maxPending = 256 }) {
    this.worldWidth = worldWidth;
    this.worldHeight = worldHeight;
    this.tickMs = 1000 / tickHz;
    this.speed = speed;
    this.smoothingMs = smoothingMs;
    this.snapDistance = snapDistance;
    this.maxPending = maxPending;
    /** @type {SentInput[]} the acknowledged input (if known) then the unacknowledged ones, by seq */
    this.inputs = [];
    /** @type {{x: number, y: number, tick: number, lastSeq: number}|null} the newest server state */
    this.base = null;
    this.appliedTick = 0;
    this.correction = { x: 0, y: 0, time: 0 };
  }

  /** @returns {boolean} whether a server position has been received */
  get ready() {
    return this.base !== null;
  }

  /**
   * Records an INPUT as it is sent.
   * @param {number} seq the INPUT's seq
   * @param {number} dx direction, as sent (f32)
   * @param {number} dy direction, as sent (f32)
   * @param {number} timeMs local send time
   */
  recordInput(seq, dx, dy, timeMs) {
    this.inputs.push({ seq, dx, dy, time: timeMs });
    // Bounded: if acknowledgements stop coming, the oldest inputs go first.
    if (this.inputs.length > this.maxPending) this.inputs.shift();
  }

  /** @returns {number} inputs sent and not yet acknowledged */
  get pendingCount() {
    const base = this.base;
    if (!base) return this.inputs.length;
    return this.inputs.filter((i) => seqAfter(i.seq, base.lastSeq)).length;
  }

  /**
   * Takes the own player's state from a newer server state.
   * @param {{x: number, y: number, lastSeq: number, tick: number}} server position in world units
   * @param {number} nowMs local time of arrival
   */
  reconcile(server, nowMs) {
    const before = this.base ? this.rawPosition(nowMs) : null;
    const previous = this.base;
    if (!previous || server.lastSeq !== previous.lastSeq) {
      // The input was applied somewhere after the previous state's tick; with
      // one state per tick that is exactly this tick, otherwise take the middle.
      this.appliedTick = previous ? server.tick - Math.floor((server.tick - previous.tick - 1) / 2) : server.tick;
    }
    this.base = { x: server.x, y: server.y, tick: server.tick, lastSeq: server.lastSeq };
    this.inputs = this.inputs.filter((i) => !seqAfter(server.lastSeq, i.seq));
    if (!before) {
      this.correction = { x: 0, y: 0, time: nowMs };
      return;
    }
    const after = /** @type {{x: number, y: number}} */ (this.rawPosition(nowMs)); // base was just set
    const carried = this.correctionAt(nowMs);
    const cx = carried.x + before.x - after.x;
    const cy = carried.y + before.y - after.y;
    this.correction = Math.hypot(cx, cy) > this.snapDistance
      ? { x: 0, y: 0, time: nowMs }
      : { x: cx, y: cy, time: nowMs };
  }

  /**
   * @param {number} nowMs
   * @returns {{x: number, y: number}} what remains of the smoothed correction
   */
  correctionAt(nowMs) {
    const k = Math.exp(-Math.max(0, nowMs - this.correction.time) / this.smoothingMs);
    return { x: this.correction.x * k, y: this.correction.y * k };
  }

  /**
   * The prediction without smoothing: server position + replayed inputs.
   * @param {number} nowMs
   * @returns {{x: number, y: number}|null} world units, null before any server state
   */
  rawPosition(nowMs) {
    if (!this.base) return null;
    const pos = { x: this.base.x, y: this.base.y };
    const inputs = this.inputs;
    for (let i = 0; i < inputs.length; i++) {
      const input = inputs[i];
      const end = i + 1 < inputs.length ? inputs[i + 1].time : nowMs;
      let duration = Math.max(0, end - input.time);
      if (input.seq === this.base.lastSeq) {
        // The server already ran this input for these ticks.
        duration = Math.max(0, duration - (this.base.tick - this.appliedTick + 1) * this.tickMs);
      }
      this.move(pos, input, duration);
    }
    return pos;
  }

  /**
   * The position to draw: the prediction plus the decaying correction, kept
   * inside the world.
   * @param {number} nowMs
   * @returns {{x: number, y: number}|null}
   */
  position(nowMs) {
    const raw = this.rawPosition(nowMs);
    if (!raw) return null;
    const c = this.correctionAt(nowMs);
    return { x: clamp(raw.x + c.x, this.worldWidth), y: clamp(raw.y + c.y, this.worldHeight) };
  }

  /**
   * Straight moves clamp per axis like the server's per-tick clamp: same end point.
   * @param {{x: number, y: number}} pos moved in place
   * @param {{dx: number, dy: number}} input
   * @param {number} durationMs
   */
  move(pos, input, durationMs) {
    if (durationMs <= 0) return;
    const step = (this.speed * durationMs) / 1000;
    pos.x = clamp(pos.x + input.dx * step, this.worldWidth);
    pos.y = clamp(pos.y + input.dy * step, this.worldHeight);
  }
}

/**
 * Sequence order with 32-bit wrap-around, as the server compares seqs.
 * @param {number} a
 * @param {number} b
 * @returns {boolean} whether a comes after b
 */
export function seqAfter(a, b) {
  return ((a - b) | 0) > 0;
}

/**
 * @param {number} v
 * @param {number} max
 * @returns {number}
 */
function clamp(v, max) {
  return v < 0 ? 0 : Math.min(v, max);
}
