/**
 * Server -> client messages of PROTOCOL.md, one symmetric codec per message:
 * `read` is what the browser uses, `write` exists for tests (a fake server
 * and the golden vectors). Field names are those of PROTOCOL.md in
 * camelCase, as in the golden vectors.
 */
import { MessageTag } from './constants.js';
import { ProtocolError } from './protocol-error.js';
import { readCount, readEntityRecord, writeEntityRecord } from './entity-record.js';
import { gameMessage, timeMessage } from './client-messages.js';

/** WELCOME flag: the client watches as a spectator (playerId is 0). */
export const WELCOME_SPECTATOR = 1;

/**
 * WELCOME (tag 64):
 * `[protocolVersion] (varint) [playerId] (varint) [roomId] (string) [game] (string)
 *  [flags] (varint) [privateCode] (string) [tickHz] (varint) [sendHz] (varint)
 *  [serverTime] (varlong) [worldWidth] (varint) [worldHeight] (varint) [positionScale] (varint)
 *  [paramCount] (varint) ([name] (string) [value] (f32)) x paramCount
 *  [reconnectGraceMillis] (varint) [resumeToken] (string)`
 * `params` is an object in wire order (the arena game sends `playerSpeed` and `chatMaxLength`).
 * `resumeToken` is null when the server has resume turned off (grace 0), and for a spectator.
 */
/**
 * @param {import('./kryo-reader.js').KryoReader} r
 * @returns {Record<string, number>}
 */
function readParams(r) {
  const count = readCount(r, 'params');
  /** @type {Record<string, number>} */
  const params = {};
  for (let i = 0; i < count; i++) {
    const name = r.readString();
    if (name === null) throw new ProtocolError('WELCOME param without a name');
    params[name] = r.readFloat32();
  }
  return params;
}

/** @type {import('./message-codec.js').MessageCodec} */
const welcome = {
  tag: MessageTag.SERVER_WELCOME,
  write(w, f) {
    w.writeVarInt(f.protocolVersion);
    w.writeVarInt(f.playerId);
    w.writeString(f.roomId ?? null);
    w.writeString(f.game ?? null);
    w.writeVarInt(f.flags ?? 0);
    w.writeString(f.privateCode ?? null);
    w.writeVarInt(f.tickHz);
    w.writeVarInt(f.sendHz);
    w.writeVarLong(f.serverTime);
    w.writeVarInt(f.worldWidth);
    w.writeVarInt(f.worldHeight);
    w.writeVarInt(f.positionScale);
    const params = Object.entries(f.params ?? {});
    w.writeVarInt(params.length);
    for (const [name, value] of params) {
      w.writeString(name);
      w.writeFloat32(value);
    }
    w.writeVarInt(f.reconnectGraceMillis ?? 0);
    w.writeString(f.resumeToken ?? null);
  },
  read(r) {
    return {
      protocolVersion: r.readVarInt(),
      playerId: r.readVarInt(),
      roomId: r.readString(),
      game: r.readString(),
      flags: r.readVarInt(),
      privateCode: r.readString(),
      tickHz: r.readVarInt(),
      sendHz: r.readVarInt(),
      serverTime: r.readVarLong(),
      worldWidth: r.readVarInt(),
      worldHeight: r.readVarInt(),
      positionScale: r.readVarInt(),
      params: readParams(r),
      reconnectGraceMillis: r.readVarInt(),
      resumeToken: r.readString(),
    };
  },
};

/** SNAPSHOT (tag 65): `[tick] (varint) [entityCount] (varint) [entity] × entityCount`. */
/** @type {import('./message-codec.js').MessageCodec} */
const snapshot = {
  tag: MessageTag.SERVER_SNAPSHOT,
  write(w, f) {
    w.writeVarInt(f.tick);
    w.writeVarInt(f.entities.length);
    for (const e of f.entities) writeEntityRecord(w, e);
  },
  read(r) {
    const tick = r.readVarInt();
    const count = readCount(r, 'entityCount');
    const entities = [];
    for (let i = 0; i < count; i++) entities.push(readEntityRecord(r));
    return { tick, entities };
  },
};

/**
 * DELTA (tag 66), see PROTOCOL.md for the byte layout. As JSON the gaps are
 * resolved: `{ tick, baselineTick, removed: [ids], spawns: [records],
 * changed: [{ id, mask, diffs }] }`. Arithmetic is 32-bit like Java's `int`.
 */
/** @type {import('./message-codec.js').MessageCodec} */
const delta = {
  tag: MessageTag.SERVER_DELTA,
  write(w, f) {
    w.writeVarInt(f.tick);
    w.writeVarInt((f.tick - f.baselineTick) | 0);
    w.writeVarInt(f.removed.length);
    let previous = 0;
    for (const id of f.removed) {
      w.writeVarInt((id - previous) | 0);
      previous = id;
    }
    w.writeVarInt(f.spawns.length);
    for (const e of f.spawns) writeEntityRecord(w, e);
    w.writeVarInt(f.changed.length);
    previous = 0;
    for (const c of f.changed) {
      const mask = c.mask >>> 0;
      if (popCount(mask) !== c.diffs.length) {
        throw new RangeError(`entity ${c.id}: mask ${mask} has ${popCount(mask)} bits but ${c.diffs.length} diffs`);
      }
      // Written with JS int32 shifts, which wrap exactly like Java's.
      w.writeVarInt((((c.id - previous) | 0) << 4) | (mask & 7) | (mask > 7 ? 8 : 0));
      if (mask > 7) w.writeVarInt(mask >>> 3);
      for (const d of c.diffs) w.writeZigZag(d);
      previous = c.id;
    }
  },
  read(r) {
    const tick = r.readVarInt();
    const baselineTick = (tick - r.readVarInt()) | 0;
    const removedCount = readCount(r, 'removedCount');
    const removed = [];
    let previous = 0;
    for (let i = 0; i < removedCount; i++) {
      previous = (previous + r.readVarInt()) | 0;
      removed.push(previous);
    }
    const spawnCount = readCount(r, 'spawnCount');
    const spawns = [];
    for (let i = 0; i < spawnCount; i++) spawns.push(readEntityRecord(r));
    const changedCount = readCount(r, 'changedCount');
    const changed = [];
    previous = 0;
    for (let i = 0; i < changedCount; i++) {
      const header = r.readVarUint();
      const id = (previous + (header >>> 4)) | 0;
      let mask = header & 7;
      if (header & 8) mask = (mask | (r.readVarInt() << 3)) | 0;
      const diffs = [];
      for (let bits = mask >>> 0; bits !== 0; bits >>>= 1) {
        if (bits & 1) diffs.push(r.readZigZag());
      }
      changed.push({ id, mask, diffs });
      previous = id;
    }
    return { tick, baselineTick, removed, spawns, changed };
  },
};

/** ERROR (tag 69): `[code] (varint) [message] (string)`. Example: `45 a0 1f` + "room r1 is full (20 players)". */
/** @type {import('./message-codec.js').MessageCodec} */
const error = {
  tag: MessageTag.SERVER_ERROR,
  write(w, f) {
    w.writeVarInt(f.code);
    w.writeString(f.message ?? null);
  },
  read(r) {
    return { code: r.readVarInt(), message: r.readString() };
  },
};

/**
 * REDIRECT (tag 71): `[url] (string) [roomId] (string) [reservation] (string)`: the seat is on
 * another node; connect to `url` and JOIN `roomId` presenting `reservation`.
 */
/** @type {import('./message-codec.js').MessageCodec} */
const redirect = {
  tag: MessageTag.SERVER_REDIRECT,
  write(w, f) {
    w.writeString(f.url ?? null);
    w.writeString(f.roomId ?? null);
    w.writeString(f.reservation ?? null);
  },
  read(r) {
    return { url: r.readString(), roomId: r.readString(), reservation: r.readString() };
  },
};

/**
 * NOTICE (tag 72): `[text] (string)`, a line from the server's operators to
 * show as a banner. Text, never markup: put it in the page with `textContent`.
 */
/** @type {import('./message-codec.js').MessageCodec} */
const notice = {
  tag: MessageTag.SERVER_NOTICE,
  write(w, f) {
    w.writeString(f.text ?? null);
  },
  read(r) {
    return { text: r.readString() };
  },
};

/** Codecs by the message names used in the golden vectors. */
export const ServerMessages = Object.freeze({
  SERVER_WELCOME: welcome,
  SERVER_SNAPSHOT: snapshot,
  SERVER_DELTA: delta,
  SERVER_PING: timeMessage(MessageTag.SERVER_PING),
  SERVER_PONG: timeMessage(MessageTag.SERVER_PONG),
  SERVER_ERROR: error,
  SERVER_MESSAGE: gameMessage(MessageTag.SERVER_MESSAGE),
  SERVER_REDIRECT: redirect,
  SERVER_NOTICE: notice,
});

/**
 * @param {number} mask
 * @returns {number} bits set
 */
function popCount(mask) {
  let count = 0;
  for (let bits = mask >>> 0; bits !== 0; bits >>>= 1) count += bits & 1;
  return count;
}
