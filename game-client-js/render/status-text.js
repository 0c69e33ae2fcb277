/**
 * The one-line connection status shown above everything.
 */
import { Phase } from '../state/phase.js';

/**
 * @param {{phase: string, room: {roomId: string}|null, closeInfo: {text: string}|null,
 *          keeper?: {attempt: number}}} session
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
    case Phase.PLAYING:
      return { text: `Playing in room ${session.room ? session.room.roomId : '?'}.`, tone: 'ok' };
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
 * @param {{keeper?: {attempt: number}}} session
 * @returns {string}
 */
export function reconnectingText(session) {
  const attempt = session.keeper ? session.keeper.attempt : 0;
  return attempt > 0 ? `Reconnecting… (attempt ${attempt})` : 'Reconnecting…';
}
