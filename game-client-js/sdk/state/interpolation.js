/**
 * A buffer of recent entity positions for rendering other entities smoothly:
 * they are drawn a little in the past (about two send intervals), between
 * the two buffered states around that time, so network jitter and the send
 * rate do not show.
 *
 * Pure: times are arguments (ms on the server timeline, see TickClock).
 */

/**
 * Positions by entity id; other properties of a position object (kind,
 * label...) are carried along from the older of the two states, and an
 * object without a numeric `x` is not moved.
 * @typedef {Map<number, {x?: number, y?: number, [key: string]: any}>} Positions
 */

export class InterpolationBuffer {
  /**
   * @param {object} [options]
   * @param {number} [options.historyMs] states older than this behind the newest are dropped
   * @param {number} [options.teleportDistance] a move longer than this between two states is drawn as a jump, not a slide
   */
  constructor({ historyMs = 1000, teleportDistance = 250 } = {}) {
    this.historyMs = historyMs;
    this.teleportDistance = teleportDistance;
    /** @type {{time: number, positions: Positions}[]} oldest first */
    this.samples = [];
  }

  /** Drops everything (a new room). */
  clear() {
    this.samples = [];
  }

  /**
   * Adds the positions of one state.
   * @param {number} time the state's time (ms, server timeline)
   * @param {Positions} positions world units by entity id
   */
  push(time, positions) {
    // A state older than the newest (a resync) starts the buffer again.
    const last = this.samples[this.samples.length - 1];
    if (last && time <= last.time) this.samples = [];
    this.samples.push({ time, positions });
    const oldest = time - this.historyMs;
    while (this.samples.length > 2 && this.samples[1].time <= oldest) this.samples.shift();
  }

  /** @returns {number|null} time of the newest state */
  get newestTime() {
    return this.samples.length ? this.samples[this.samples.length - 1].time : null;
  }

  /**
   * The positions at `renderTime`: the entities of the latest state at or
   * before it (so a removal or spawn shows when the rendered time reaches
   * it), each moved towards its position in the next state by the elapsed
   * fraction. Before the first state, the first state; past the newest, the
   * newest (no extrapolation, so nothing overshoots).
   *
   * With views (PROTOCOL.md "Views") entities enter and leave all the time:
   * one entering appears at its first position when the rendered time
   * reaches its state, never sliding in from anywhere; one that is gone from
   * the next state (it left the view, or despawned) keeps its last motion
   * until the rendered time reaches that state, then disappears, rather than
   * stopping dead for an interval. An entity that left and came back
   * elsewhere is absent in between, so it cannot slide across either.
   * @param {number} renderTime ms on the server timeline
   * @returns {Positions}
   */
  sample(renderTime) {
    const samples = this.samples;
    if (samples.length === 0) return new Map();
    let i = samples.length - 1;
    while (i > 0 && samples[i].time > renderTime) i--;
    const a = samples[i];
    const b = samples[i + 1];
    if (!b || renderTime <= a.time) return new Map(a.positions);
    const t = (renderTime - a.time) / (b.time - a.time);
    const before = samples[i - 1];
    const out = new Map();
    for (const [id, pa] of a.positions) {
      const pb = b.positions.get(id);
      if (!pb) {
        out.set(id, this.leaving(pa, before?.positions.get(id), before?.time, a.time, renderTime));
      } else if (!positioned(pa) || !positioned(pb) || this.jumped(pa, pb)) {
        // Entities without a position (a board's cells) are carried as they are.
        out.set(id, pa);
      } else {
        out.set(id, { ...pa, x: pa.x + (pb.x - pa.x) * t, y: pa.y + (pb.y - pa.y) * t });
      }
    }
    return out;
  }

  /**
   * Where an entity gone from the next state is drawn: moving on as it last moved, if it did.
   * @template {{x?: number, y?: number}} P
   * @param {P} pa its position in the state drawn
   * @param {{x?: number, y?: number}|undefined} previous its position in the state before, if any
   * @param {number|undefined} previousTime the time of the state before
   * @param {number} time the time of the state drawn
   * @param {number} renderTime
   * @returns {P}
   */
  leaving(pa, previous, previousTime, time, renderTime) {
    if (!previous || previousTime === undefined || time <= previousTime || !positioned(pa) || !positioned(previous)
        || this.jumped(previous, pa)) {
      return pa;
    }
    const f = (renderTime - time) / (time - previousTime);
    return { ...pa, x: pa.x + (pa.x - previous.x) * f, y: pa.y + (pa.y - previous.y) * f };
  }

  /**
   * @param {{x: number, y: number}} p
   * @param {{x: number, y: number}} q
   * @returns {boolean} whether the move from `p` to `q` is long enough to be drawn as a jump, not a slide
   */
  jumped(p, q) {
    return Math.hypot(q.x - p.x, q.y - p.y) > this.teleportDistance;
  }
}

/**
 * @template {{x?: number, y?: number}} P
 * @param {P} p
 * @returns {p is P & {x: number, y: number}} whether it has a position to move (a board's cell has none)
 */
function positioned(p) {
  return typeof p.x === 'number' && typeof p.y === 'number';
}
