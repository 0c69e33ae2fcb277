/**
 * Client -> server messages of PROTOCOL.md, one symmetric codec per message:
 * `write` is what the browser sends, `read` exists for tests and tools (the
 * server's decoder is the Java one). Field names are those of PROTOCOL.md in
 * camelCase, as in the golden vectors.
 */
import { MessageTag } from './constants.js';

/**
 * JOIN (tag 1): `[roomId] (string)` null = quick-join, `[name] (string)`.
 * Example, quick-join as "ann": `01 80 61 6e ee`.
 */
const join = {
  tag: MessageTag.CLIENT_JOIN,
  /** @param {{roomId: string|null, name: string|null}} f */
  write(w, f) {
    w.writeString(f.roomId ?? null);
    w.writeString(f.name ?? null);
  },
  read(r) {
    return { roomId: r.readString(), name: r.readString() };
  },
};

/**
 * INPUT (tag 2): `[seq] (varint) [dx] (f32) [dy] (f32) [buttons] (varint)`.
 * Example, seq 1 moving right: `02 01 00 00 80 3f 00 00 00 00 00`.
 */
const input = {
  tag: MessageTag.CLIENT_INPUT,
  /** @param {{seq: number, dx: number, dy: number, buttons: number}} f */
  write(w, f) {
    // The server closes the connection (1002) on NaN or infinite directions.
    if (!Number.isFinite(f.dx) || !Number.isFinite(f.dy)) {
      throw new RangeError(`INPUT direction must be finite, got ${f.dx}, ${f.dy}`);
    }
    w.writeVarInt(f.seq);
    w.writeFloat32(f.dx);
    w.writeFloat32(f.dy);
    w.writeVarInt(f.buttons ?? 0);
  },
  read(r) {
    return { seq: r.readVarInt(), dx: r.readFloat32(), dy: r.readFloat32(), buttons: r.readVarInt() };
  },
};

/**
 * PING / PONG in either direction (tags 3, 4, 67, 68): `[time] (varlong)`.
 * Example, client PING at 1000000: `03 c0 84 3d`.
 * @param {number} tag
 */
export function timeMessage(tag) {
  return {
    tag,
    /** @param {{time: number}} f */
    write(w, f) {
      w.writeVarLong(f.time);
    },
    read(r) {
      return { time: r.readVarLong() };
    },
  };
}

/** LEAVE (tag 5): the tag alone. */
const leave = {
  tag: MessageTag.CLIENT_LEAVE,
  write() {},
  read() {
    return {};
  },
};

/**
 * RESUME (tag 6): `[protocolVersion] (varint) [token] (string) [lastTick] (varint)`,
 * lastTick travelling as tick + 1 so that -1 ("no state held") is 0.
 */
const resume = {
  tag: MessageTag.CLIENT_RESUME,
  /** @param {{protocolVersion: number, token: string|null, lastTick: number}} f */
  write(w, f) {
    w.writeVarInt(f.protocolVersion);
    w.writeString(f.token ?? null);
    w.writeVarInt((f.lastTick + 1) | 0);
  },
  read(r) {
    return { protocolVersion: r.readVarInt(), token: r.readString(), lastTick: (r.readVarInt() - 1) | 0 };
  },
};

/** Codecs by the message names used in the golden vectors. */
export const ClientMessages = Object.freeze({
  CLIENT_JOIN: join,
  CLIENT_INPUT: input,
  CLIENT_PING: timeMessage(MessageTag.CLIENT_PING),
  CLIENT_PONG: timeMessage(MessageTag.CLIENT_PONG),
  CLIENT_LEAVE: leave,
  CLIENT_RESUME: resume,
});
