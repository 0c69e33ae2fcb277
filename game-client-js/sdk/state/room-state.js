/**
 * Everything the client knows about the room it plays in, from WELCOME on:
 * the authoritative entities (World), the timeline of states for smooth
 * rendering (TickClock + InterpolationBuffer) and, when the game gives one,
 * the own player's prediction (a PredictionHook). The net layer feeds it
 * decoded messages; the game's renderer and the debug hook read views of it.
 *
 * It knows no game: what an entity's fields mean is the game's `view`
 * function, which turns an entity record into what is drawn (`x`, `y` in
 * world units are interpolated; anything else is carried along).
 *
 * Pure: every time is an argument (ms of the local clock).
 */
import { InterpolationBuffer } from './interpolation.js';
import { TickClock } from './tick-clock.js';
import { World } from './world.js';

/**
 * @typedef {{protocolVersion: number, playerId: number, roomId: string, game: string, flags: number,
 *            privateCode: string|null, tickHz: number, sendHz: number, serverTime: number,
 *            worldWidth: number, worldHeight: number, positionScale: number,
 *            params: Record<string, number>, reconnectGraceMillis: number, resumeToken: string|null}} Welcome
 * @typedef {import('./world.js').Entity} Entity
 * @typedef {{x?: number, y?: number, lastSeq?: number, [key: string]: any}} EntityFacts what the game's view makes of one entity
 * @typedef {EntityFacts & {id: number, kind: number, label: string|null, own: boolean}} EntityView
 */

/**
 * How a game predicts its own player between server states (its rules run
 * locally). `SteeringPredictor` is one for games where players steer at a
 * fixed speed; a game with none draws its own player like the others.
 * @typedef {object} PredictionHook
 * @property {(seq: number, dx: number, dy: number, timeMs: number) => void} recordInput an INPUT as sent
 * @property {(server: {x: number, y: number, lastSeq: number, tick: number}, nowMs: number) => void} reconcile
 *   the own player's view in a newer server state (its `x`, `y`, `lastSeq`)
 * @property {(nowMs: number) => ({x: number, y: number}|null)} position where to draw the own player
 */

/**
 * What a game tells the room state.
 * @typedef {object} RoomOptions
 * @property {(entity: Entity, welcome: Welcome) => EntityFacts} [view] default: no facts (nothing to interpolate)
 * @property {PredictionHook|null} [prediction] default: none
 * @property {number} [interpolationDelayMs] how far behind the newest state others are drawn;
 *   default two send intervals, at least 100 ms, so one late state does not stall motion
 * @property {number} [teleportDistance] a move longer than this between two states is a jump, not a slide
 */

/** WELCOME flag: the client watches as a spectator. */
export const SPECTATOR = 1;

export class RoomState {
  /**
   * @param {Welcome} welcome decoded WELCOME fields
   * @param {RoomOptions} [options]
   */
  constructor(welcome, { view = () => ({}), prediction = null, interpolationDelayMs, teleportDistance = 250 } = {}) {
    this.welcome = welcome;
    this.playerId = welcome.playerId;
    this.roomId = welcome.roomId;
    this.game = welcome.game;
    /** @type {boolean} watching: no entity of its own, may send neither INPUT nor MESSAGE */
    this.spectator = ((welcome.flags ?? 0) & SPECTATOR) !== 0;
    /** @type {string|null} the room's code when it is private */
    this.privateCode = welcome.privateCode ?? null;
    this.viewOf = view;
    this.prediction = this.spectator ? null : prediction;
    this.interpolationDelayMs = interpolationDelayMs ?? Math.max(100, 2000 / welcome.sendHz);
    this.world = new World();
    this.clock = new TickClock({ tickHz: welcome.tickHz });
    this.buffer = new InterpolationBuffer({ teleportDistance });
    /** @type {number} states applied */
    this.states = 0;
  }

  /**
   * @param {{tick: number, entities: Entity[]}} snapshot decoded SNAPSHOT fields
   * @param {number} nowMs local arrival time
   */
  applySnapshot(snapshot, nowMs) {
    this.world.applySnapshot(snapshot);
    this.afterState(nowMs);
  }

  /**
   * @param {import('./world.js').DeltaFields} delta decoded DELTA fields
   * @param {number} nowMs local arrival time
   * @throws {import('./world.js').StateError} when the delta does not fit the state held
   */
  applyDelta(delta, nowMs) {
    this.world.applyDelta(delta);
    this.afterState(nowMs);
  }

  /** @param {number} nowMs */
  afterState(nowMs) {
    this.states++;
    const tick = /** @type {number} */ (this.world.tick);
    this.clock.observe(tick, nowMs);
    /** @type {Map<number, any>} */
    const views = new Map();
    for (const e of this.world.values()) views.set(e.id, this.entityView(e));
    this.buffer.push(this.clock.tickTime(tick), views);
    const own = views.get(this.playerId);
    if (own && this.prediction && typeof own.x === 'number' && typeof own.y === 'number') {
      this.prediction.reconcile({ x: own.x, y: own.y, lastSeq: own.lastSeq ?? 0, tick }, nowMs);
    }
  }

  /**
   * @param {Entity} e
   * @returns {EntityView}
   */
  entityView(e) {
    return { ...this.viewOf(e, this.welcome), id: e.id, kind: e.kind, label: e.label, own: e.id === this.playerId };
  }

  /**
   * Records an INPUT as sent, for the prediction.
   * @param {number} seq
   * @param {number} dx as sent (f32)
   * @param {number} dy as sent (f32)
   * @param {number} nowMs
   */
  recordInput(seq, dx, dy, nowMs) {
    if (this.prediction) this.prediction.recordInput(seq, dx, dy, nowMs);
  }

  /**
   * @param {number} nowMs
   * @returns {number} the server-timeline time others are drawn at
   */
  renderTime(nowMs) {
    return this.clock.serverTimeAt(nowMs) - this.interpolationDelayMs;
  }

  /**
   * @param {number} nowMs
   * @returns {{x: number, y: number}|null} where the own player is drawn (predicted when the game predicts,
   *   else as the newest state has it), world units; null for a spectator or before any state
   */
  ownPosition(nowMs) {
    if (this.prediction) return this.prediction.position(nowMs);
    const own = this.world.get(this.playerId);
    if (!own) return null;
    const v = this.entityView(own);
    return typeof v.x === 'number' && typeof v.y === 'number' ? { x: v.x, y: v.y } : null;
  }

  /**
   * What to draw now: others interpolated in the past, the own player predicted.
   * @param {number} nowMs
   * @returns {EntityView[]} ascending id
   */
  view(nowMs) {
    /** @type {EntityView[]} */
    const out = [];
    const sampled = this.clock.ready ? this.buffer.sample(this.renderTime(nowMs)) : new Map();
    for (const [id, v] of sampled) {
      if (id === this.playerId && this.prediction) continue;
      out.push(/** @type {EntityView} */ (v));
    }
    const own = this.world.get(this.playerId);
    const ownPos = this.prediction ? this.prediction.position(nowMs) : null;
    if (own && ownPos) out.push({ ...this.entityView(own), x: ownPos.x, y: ownPos.y });
    return out.sort((a, b) => a.id - b.id);
  }

  /**
   * The newest authoritative state (for the debug hook, the HUD and games without motion).
   * @returns {EntityView[]} ascending id
   */
  latest() {
    /** @type {EntityView[]} */
    const out = [];
    for (const e of this.world.values()) out.push(this.entityView(e));
    return out.sort((a, b) => a.id - b.id);
  }
}
