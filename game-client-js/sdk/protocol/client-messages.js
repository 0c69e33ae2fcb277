/**
 * Client -> server messages of PROTOCOL.md, one symmetric codec per message:
 * `write` is what the browser sends, `read` exists for tests and tools (the
 * server's decoder is the Java one). Field names are those of PROTOCOL.md in
 * camelCase, as in the golden vectors.
 */
import { MessageTag, PROTOCOL_VERSION } from './constants.js';
import { readCount } from './entity-record.js';

/** JOIN flag: watch the room, with no entity and no seat. */
export const JOIN_SPECTATE = 1;
/** JOIN flag: open a new private room of the game and take its first seat. */
export const JOIN_CREATE_PRIVATE = 2;

/**
 * JOIN (tag 1): `[protocolVersion] (varint) [game] (string) [roomId] (string)
 * [name] (string) [flags] (varint) [privateCode] (string) [reservation] (string)`.
 * A JOIN of another version holds nothing after the version (the server reads no further).
 * Example, quick-join of the default game as "ann": `01 02 80 80 61 6e ee 00 80 80`.
 */
/** @type {import('./message-codec.js').MessageCodec} */
const join = {
  tag: MessageTag.CLIENT_JOIN,
  /**
   * @param {{protocolVersion?: number, game?: string|null, roomId?: string|null, name?: string|null,
   *          flags?: number, privateCode?: string|null, reservation?: string|null}} f
   */
  write(w, f) {
    w.writeVarInt(f.protocolVersion ?? PROTOCOL_VERSION);
    w.writeString(f.game ?? null);
    w.writeString(f.roomId ?? null);
    w.writeString(f.name ?? null);
    w.writeVarInt(f.flags ?? 0);
    w.writeString(f.privateCode ?? null);
    w.writeString(f.reservation ?? null);
  },
  read(r) {
    const protocolVersion = r.readVarInt();
    if (protocolVersion !== PROTOCOL_VERSION) {
      // What the server does: the rest of another version's JOIN is not read.
      r.readBytes(r.remaining());
      return { protocolVersion, game: null, roomId: null, name: null, flags: 0, privateCode: null, reservation: null };
    }
    return {
      protocolVersion,
      game: r.readString(),
      roomId: r.readString(),
      name: r.readString(),
      flags: r.readVarInt(),
      privateCode: r.readString(),
      reservation: r.readString(),
    };
  },
};

/**
 * MESSAGE in either direction (tags 7 and 70): `[type] (varint) [length] (varint)
 * [payload] (length bytes)`, the game's own bytes (PayloadWriter/PayloadReader
 * write and read them with these same primitives). Example, type 1 with the
 * string "hi": `07 01 02 68 e9`.
 * @param {number} tag
 */
export function gameMessage(tag) {
  /** @type {import('./message-codec.js').MessageCodec} */
  const codec = {
    tag,
    /** @param {{type: number, payload: Uint8Array}} f */
    write(w, f) {
      if (!Number.isInteger(f.type) || f.type < 0 || f.type > 65535) {
        throw new RangeError(`MESSAGE type must be 0..65535, got ${f.type}`);
      }
      w.writeVarInt(f.type);
      w.writeVarInt(f.payload.length);
      w.writeBytes(f.payload);
    },
    read(r) {
      const type = r.readVarUint();
      const length = readCount(r, 'MESSAGE payload length');
      return { type, payload: r.readBytes(length) };
    },
  };
  return codec;
}

/**
 * INPUT (tag 2): `[seq] (varint) [dx] (f32) [dy] (f32) [buttons] (varint)`.
 * Example, seq 1 moving right: `02 01 00 00 80 3f 00 00 00 00 00`.
 */
/** @type {import('./message-codec.js').MessageCodec} */
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
  /** @type {import('./message-codec.js').MessageCodec} */
  const codec = {
    tag,
    /** @param {{time: number}} f */
    write(w, f) {
      w.writeVarLong(f.time);
    },
    read(r) {
      return { time: r.readVarLong() };
    },
  };
  return codec;
}

/** LEAVE (tag 5): the tag alone. */
/** @type {import('./message-codec.js').MessageCodec} */
const leave = {
  tag: MessageTag.CLIENT_LEAVE,
  write() {},
  read() {
    return {};
  },
};

/**
 * RESUME (tag 6): `[protocolVersion] (varint) [token] (string) [lastTick] (varint)`,
 * lastTick travelling as tick + 1 so that -1 ("no state held") is 0. A RESUME
 * of another version holds nothing the server reads after the version.
 * Example, version 2, null token, holding tick 5: `06 02 80 06`.
 */
/** @type {import('./message-codec.js').MessageCodec} */
const resume = {
  tag: MessageTag.CLIENT_RESUME,
  /** @param {{protocolVersion?: number, token: string|null, lastTick: number}} f */
  write(w, f) {
    w.writeVarInt(f.protocolVersion ?? PROTOCOL_VERSION);
    w.writeString(f.token ?? null);
    w.writeVarInt((f.lastTick + 1) | 0);
  },
  read(r) {
    const protocolVersion = r.readVarInt();
    if (protocolVersion !== PROTOCOL_VERSION) {
      // What the server does: the rest of another version's RESUME is not read.
      r.readBytes(r.remaining());
      return { protocolVersion, token: null, lastTick: -1 };
    }
    return { protocolVersion, token: r.readString(), lastTick: (r.readVarInt() - 1) | 0 };
  },
};

/** Codecs by the message names used in the golden vectors. */
export const ClientMessages = Object.freeze({
  CLIENT_JOIN: join,
  CLIENT_INPUT: input,
  CLIENT_PING: timeMessage(MessageTag.CLIENT_PING),
  CLIENT_PONG: timeMessage(MessageTag.CLIENT_PONG),
  CLIENT_LEAVE: leave,
  CLIENT_MESSAGE: gameMessage(MessageTag.CLIENT_MESSAGE),
  CLIENT_RESUME: resume,
});
