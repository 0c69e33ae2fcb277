/**
 * The phases of a client session (PROTOCOL.md "Session state machine", seen
 * from the client, plus the socket's own connecting/closed).
 * @typedef {'idle'|'connecting'|'lobby'|'joining'|'playing'|'closed'} PhaseName
 */
export const Phase = Object.freeze({
  IDLE: 'idle',
  CONNECTING: 'connecting',
  LOBBY: 'lobby',
  JOINING: 'joining',
  PLAYING: 'playing',
  CLOSED: 'closed',
});
