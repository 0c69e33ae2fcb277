/**
 * Wire constants of PROTOCOL.md ("Tags", "Close codes" and the protocol version).
 *
 * A Java test parses the `NAME: number` pairs of this file and compares them
 * with `MessageTags`, `CloseCodes` and `ProtocolVersion`: keep exactly these
 * here, one pair per line, and put anything else (human texts, kinds) in
 * other files.
 */

/** The PROTOCOL.md version this client speaks: JOIN and RESUME send it first, WELCOME answers with the server's. */
export const PROTOCOL_VERSION = 2;

/** Message tags, grouped by direction (client -> server 1..7, server -> client 64..72). */
export const MessageTag = Object.freeze({
  CLIENT_JOIN: 1,
  CLIENT_INPUT: 2,
  CLIENT_PING: 3,
  CLIENT_PONG: 4,
  CLIENT_LEAVE: 5,
  CLIENT_RESUME: 6,
  CLIENT_MESSAGE: 7,
  SERVER_WELCOME: 64,
  SERVER_SNAPSHOT: 65,
  SERVER_DELTA: 66,
  SERVER_PING: 67,
  SERVER_PONG: 68,
  SERVER_ERROR: 69,
  SERVER_MESSAGE: 70,
  SERVER_REDIRECT: 71,
  SERVER_NOTICE: 72,
});

/** WebSocket close codes and ERROR message codes (4000+ are the application's own). */
export const CloseCode = Object.freeze({
  NORMAL: 1000,
  GOING_AWAY: 1001,
  PROTOCOL_ERROR: 1002,
  UNSUPPORTED_DATA: 1003,
  POLICY_VIOLATION: 1008,
  MESSAGE_TOO_BIG: 1009,
  ROOM_FULL: 4000,
  UNKNOWN_ROOM: 4001,
  TOO_SLOW: 4002,
  ROOM_CLOSED: 4003,
  SERVER_FULL: 4004,
  JOIN_TIMEOUT: 4005,
  BAD_REQUEST: 4006,
  SHUTTING_DOWN: 4007,
  RESUME_FAILED: 4008,
  TAKEN_OVER: 4009,
  PEER_TIMEOUT: 4010,
  VERSION_MISMATCH: 4011,
  WRONG_CODE: 4012,
  UNKNOWN_GAME: 4013,
  SPECTATORS_FULL: 4014,
  CLOSED_BY_OPERATOR: 4015,
  KICKED: 4016,
  RESERVATION_INVALID: 4017,
});
