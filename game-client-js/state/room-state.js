/**
 * Everything the client knows about the room it plays in, from WELCOME on:
 * the authoritative entities (World), the timeline of states for smooth
 * rendering (TickClock + InterpolationBuffer) and the own player's
 * prediction (Predictor). The net layer feeds it decoded messages; the
 * renderer and the debug hook read views of it.
 *
 * Pure: every time is an argument (ms of the local clock).
 */
import { EntityKind, Field, lastSeqOf, positionOf, scoreOf } from './arena-entities.js';
import { InterpolationBuffer } from './interpolation.js';
import { Predictor } from './prediction.js';
import { TickClock } from './tick-clock.js';
import { World } from './world.js';

/**
 * @typedef {{playerId: number, roomId: string, tickHz: number, sendHz: number, serverTime: number,
 *            worldWidth: number, worldHeight: number, positionScale: number,
 *            params?: Record<string, number>}} Welcome
 * @typedef {{id: number, kind: number, label: string|null, x: number, y: number, score: number|null, own: boolean}} EntityView
 */

/** Player speed, world units per second, when WELCOME does not carry `params.playerSpeed`. */
export const PLAYER_SPEED = 200;

export class RoomState {
  /**
   * @param {Welcome} welcome decoded WELCOME fields
   * @param {object} [options]
   * @param {number} [options.interpolationDelayMs] how far behind the newest state others are drawn;
   *   default two send intervals, at least 100 ms, so one late state does not stall motion
   * @param {number} [options.speed] player speed for the prediction; default the WELCOME's
   *   `params.playerSpeed` (the server's configured speed), else PLAYER_SPEED
   */
  constructor(welcome, { interpolationDelayMs, speed = welcome.params?.playerSpeed ?? PLAYER_SPEED } = {}) {
    this.welcome = welcome;
    this.playerId = welcome.playerId;
    this.roomId = welcome.roomId;
    this.scale = welcome.positionScale || 1;
    this.interpolationDelayMs = interpolationDelayMs ?? Math.max(100, 2000 / welcome.sendHz);
    this.world = new World();
    this.clock = new TickClock({ tickHz: welcome.tickHz });
    this.buffer = new InterpolationBuffer({ teleportDistance: Math.max(100, speed) });
    this.predictor = new Predictor({
      worldWidth: welcome.worldWidth,
      worldHeight: welcome.worldHeight,
      tickHz: welcome.tickHz,
      speed,
    });
    /** @type {number|null} how far the player sees, world units; null: the whole world (PROTOCOL.md "Views") */
    this.viewRadius = welcome.params?.viewRadius ?? null;
    /** @type {number} states applied */
    this.states = 0;
  }

  /**
   * @param {{tick: number, entities: object[]}} snapshot decoded SNAPSHOT fields
   * @param {number} nowMs local arrival time
   */
  applySnapshot(snapshot, nowMs) {
    this.world.applySnapshot(snapshot);
    this.afterState(nowMs);
  }

  /**
   * @param {object} delta decoded DELTA fields
   * @param {number} nowMs local arrival time
   * @throws {import('./world.js').StateError} when the delta does not fit the state held
   */
  applyDelta(delta, nowMs) {
    this.world.applyDelta(delta);
    this.afterState(nowMs);
  }

  afterState(nowMs) {
    this.states++;
    const tick = this.world.tick;
    this.clock.observe(tick, nowMs);
    const positions = new Map();
    for (const e of this.world.values()) {
      const p = positionOf(e, this.scale);
      positions.set(e.id, { x: p.x, y: p.y, kind: e.kind, label: e.label, score: scoreOf(e) });
    }
    this.buffer.push(this.clock.tickTime(tick), positions);
    const own = this.world.get(this.playerId);
    if (own) {
      const p = positionOf(own, this.scale);
      this.predictor.reconcile({ x: p.x, y: p.y, lastSeq: lastSeqOf(own), tick }, nowMs);
    }
  }

  /**
   * Records an INPUT as sent, for the prediction.
   * @param {number} seq
   * @param {number} dx as sent (f32)
   * @param {number} dy as sent (f32)
   * @param {number} nowMs
   */
  recordInput(seq, dx, dy, nowMs) {
    this.predictor.recordInput(seq, dx, dy, nowMs);
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
   * @returns {{x: number, y: number}|null} where the own player is drawn (predicted), world units
   */
  ownPosition(nowMs) {
    return this.predictor.position(nowMs);
  }

  /**
   * What to draw now: others interpolated in the past, the own player predicted.
   * @param {number} nowMs
   * @returns {EntityView[]} ascending id
   */
  view(nowMs) {
    const out = [];
    const sampled = this.clock.ready ? this.buffer.sample(this.renderTime(nowMs)) : new Map();
    for (const [id, p] of sampled) {
      if (id === this.playerId) continue;
      out.push({ id, kind: p.kind, label: p.label, x: p.x, y: p.y, score: p.score, own: false });
    }
    const own = this.world.get(this.playerId);
    const ownPos = this.ownPosition(nowMs);
    if (own && ownPos) {
      out.push({ id: own.id, kind: own.kind, label: own.label, x: ownPos.x, y: ownPos.y, score: scoreOf(own), own: true });
    }
    return out.sort((a, b) => a.id - b.id);
  }

  /**
   * The newest authoritative state, in world units (for the debug hook and the HUD).
   * @returns {EntityView[]} ascending id
   */
  latest() {
    const out = [];
    for (const e of this.world.values()) {
      const p = positionOf(e, this.scale);
      out.push({ id: e.id, kind: e.kind, label: e.label, x: p.x, y: p.y, score: scoreOf(e), own: e.id === this.playerId });
    }
    return out.sort((a, b) => a.id - b.id);
  }

  /** @returns {number} players in the room (newest state) */
  playerCount() {
    let n = 0;
    for (const e of this.world.values()) if (e.kind === EntityKind.PLAYER) n++;
    return n;
  }

  /**
   * @param {number} [limit]
   * @returns {{id: number, name: string, score: number, own: boolean}[]} best first, ties by id
   */
  leaderboard(limit = 10) {
    const rows = [];
    for (const e of this.world.values()) {
      if (e.kind !== EntityKind.PLAYER) continue;
      rows.push({ id: e.id, name: e.label ?? `#${e.id}`, score: e.fields[Field.SCORE] ?? 0, own: e.id === this.playerId });
    }
    rows.sort((a, b) => b.score - a.score || a.id - b.id);
    return rows.slice(0, limit);
  }
}
