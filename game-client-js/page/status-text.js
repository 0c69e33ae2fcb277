/**
 * The one-line connection status shown above everything.
 */
import { Phase } from '../sdk/index.js';

/**
 * @param {{phase: string, room: {roomId: string, game: string, spectator: boolean, privateCode: string|null}|null,
 *          closeInfo: {text: string}|null, reconnect?: {attempt: number}|null}} session
 * @returns {{text: string, tone: 'ok'|'busy'|'bad'}}
 */
export function statusText(session) {
  switch (session.phase) {
    case Phase.IDLE:
      return { text: 'Not connected. Pick a room or quick-join.', tone: 'ok' };
    case Phase.CONNECTING:
      return { text: 'Connecting…', tone: 'busy' };
    case Phase.LOBBY:
      return { text: 'Connected, in the lobby.', tone: 'ok' };
    case Phase.JOINING:
      return { text: 'Joining…', tone: 'busy' };
    case Phase.PLAYING: {
      const room = session.room;
      if (!room) return { text: 'Playing.', tone: 'ok' };
      const where = `${room.game} room ${room.roomId}${room.privateCode ? ` (private, code ${room.privateCode})` : ''}`;
      return { text: `${room.spectator ? 'Watching' : 'Playing in'} ${where}.`, tone: 'ok' };
    }
    case Phase.RECONNECTING:
      return { text: reconnectingText(session), tone: 'busy' };
    case Phase.CLOSED:
      return { text: session.closeInfo ? session.closeInfo.text : 'Disconnected.', tone: 'bad' };
    default:
      return { text: session.phase, tone: 'ok' };
  }
}

/**
 * "Reconnecting…" with the attempt under way (the first is within 250 ms of the drop).
 * @param {{reconnect?: {attempt: number}|null}} session
 * @returns {string}
 */
export function reconnectingText(session) {
  const attempt = session.reconnect ? session.reconnect.attempt : 0;
  return attempt > 0 ? `Reconnecting… (attempt ${attempt})` : 'Reconnecting…';
}
