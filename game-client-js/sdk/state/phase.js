/**
 * The phases of a client session (PROTOCOL.md "Session state machine", seen
 * from the client, plus the socket's own connecting/closed).
 * @typedef {'idle'|'connecting'|'lobby'|'joining'|'playing'|'reconnecting'|'closed'} PhaseName
 */
export const Phase = Object.freeze({
  IDLE: 'idle',
  CONNECTING: 'connecting',
  LOBBY: 'lobby',
  JOINING: 'joining',
  PLAYING: 'playing',
  /** The connection dropped while playing; the seat is held and RESUME is being tried. */
  RECONNECTING: 'reconnecting',
  CLOSED: 'closed',
});
