/**
 * The client's copy of the room's entities: SNAPSHOT replaces it, DELTA
 * changes it against the baseline. Over WebSocket the baseline a DELTA names
 * is always the last state received, so only that one state is kept.
 */

/**
 * A state update the client cannot apply (wrong baseline, unknown id, ...).
 * PROTOCOL.md: "a client reports a delta whose baseline it does not hold as
 * a bug: it must not happen".
 */
export class StateError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'StateError';
  }
}

/** @typedef {{id: number, kind: number, label: string|null, fields: number[]}} Entity */
/**
 * @typedef {{tick: number, baselineTick: number, removed: number[], spawns: Entity[],
 *            changed: {id: number, mask: number, diffs: number[]}[]}} DeltaFields decoded DELTA fields
 */

export class World {
  constructor() {
    /** @type {number|null} tick of the state held, null before the first SNAPSHOT */
    this.tick = null;
    /** @type {Map<number, Entity>} by id */
    this.entities = new Map();
  }

  /**
   * Replaces the whole state (SNAPSHOT).
   * @param {{tick: number, entities: Entity[]}} snapshot decoded SNAPSHOT fields
   */
  applySnapshot(snapshot) {
    const entities = new Map();
    for (const e of snapshot.entities) {
      if (entities.has(e.id)) throw new StateError(`SNAPSHOT ${snapshot.tick} lists entity ${e.id} twice`);
      entities.set(e.id, copyEntity(e));
    }
    this.entities = entities;
    this.tick = snapshot.tick;
  }

  /**
   * Applies a DELTA to the state held, which must be its baseline: drop the
   * removed ids, add the spawns, add each diff to its field with 32-bit wrap.
   * Checks everything before changing anything, so a refused delta leaves
   * the state as it was.
   * @param {{tick: number, baselineTick: number, removed: number[], spawns: Entity[],
   *          changed: {id: number, mask: number, diffs: number[]}[]}} delta decoded DELTA fields
   * @throws {StateError} when the baseline is not the state held or an id does not fit
   */
  applyDelta(delta) {
    this.check(delta);
    for (const id of delta.removed) this.entities.delete(id);
    for (const e of delta.spawns) this.entities.set(e.id, copyEntity(e));
    for (const c of delta.changed) {
      // check() made sure every changed id is held.
      const fields = /** @type {Entity} */ (this.entities.get(c.id)).fields;
      let d = 0;
      for (let bit = 0, mask = c.mask >>> 0; mask !== 0; bit++, mask >>>= 1) {
        if (mask & 1) {
          fields[bit] = (fields[bit] + c.diffs[d++]) | 0;
        }
      }
    }
    this.tick = delta.tick;
  }

  /** @param {DeltaFields} delta */
  check(delta) {
    const where = `DELTA ${delta.tick} (baseline ${delta.baselineTick})`;
    if (this.tick === null) throw new StateError(`${where} arrived before any SNAPSHOT`);
    if (delta.baselineTick !== this.tick) {
      throw new StateError(`${where}: the client holds tick ${this.tick}, not the baseline`);
    }
    for (const id of delta.removed) {
      if (!this.entities.has(id)) throw new StateError(`${where} removes unknown entity ${id}`);
    }
    for (const e of delta.spawns) {
      if (this.entities.has(e.id) && !delta.removed.includes(e.id)) {
        throw new StateError(`${where} spawns entity ${e.id}, which exists`);
      }
    }
    for (const c of delta.changed) {
      const e = this.entities.get(c.id);
      if (!e || delta.removed.includes(c.id)) throw new StateError(`${where} changes unknown entity ${c.id}`);
      if ((c.mask >>> 0) >= 2 ** e.fields.length) {
        throw new StateError(`${where} changes field bits ${c.mask} of entity ${c.id}, which has ${e.fields.length} fields`);
      }
    }
  }

  /**
   * @param {number} id
   * @returns {Entity|undefined}
   */
  get(id) {
    return this.entities.get(id);
  }

  /** @returns {number} entities held */
  get size() {
    return this.entities.size;
  }

  /** @returns {IterableIterator<Entity>} entities in insertion order */
  values() {
    return this.entities.values();
  }
}

/**
 * @param {Entity} e
 * @returns {Entity}
 */
function copyEntity(e) {
  return { id: e.id, kind: e.kind, label: e.label ?? null, fields: Array.from(e.fields) };
}
