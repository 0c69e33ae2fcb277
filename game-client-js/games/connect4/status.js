/**
 * The line above the board: whose turn, the clock, and how a game ended, as
 * the own player, the opponent or a spectator reads it. Pure; the view shows
 * it with textContent (names are player-chosen).
 */
import { Color, MatchPhase, Result, seatOf } from './board-state.js';

/**
 * @param {number} color
 * @returns {string}
 */
export function colorName(color) {
  return color === Color.RED ? 'red' : color === Color.YELLOW ? 'yellow' : '';
}

/**
 * @param {import('./board-state.js').Board} board
 * @param {number} color
 * @returns {string} the seat's name, or the colour when nobody sits there now
 */
function nameOf(board, color) {
  return seatOf(board, color)?.name ?? (color === Color.RED ? 'Red' : 'Yellow');
}

/**
 * @param {import('./board-state.js').Board} board
 * @param {number|null} seconds what is left of the turn, null without a clock
 * @returns {{text: string, tone: 'turn'|'wait'|'won'|'lost'|'draw'}}
 */
export function statusLine(board, seconds) {
  const own = board.own;
  const clock = seconds === null ? '' : ` · ${seconds} s`;
  if (board.phase === MatchPhase.PLAYING) {
    if (own && board.turn === own.color) return { text: `Your turn (${colorName(own.color)})${clock}`, tone: 'turn' };
    return { text: `${nameOf(board, board.turn)}'s turn (${colorName(board.turn)})${clock}`, tone: 'wait' };
  }
  if (board.phase === MatchPhase.WAITING) {
    const waiting = own ? 'Waiting for an opponent…' : 'Waiting for a second player…';
    if (board.result !== Result.OPPONENT_LEFT) return { text: waiting, tone: 'wait' };
    if (own && own.color === board.winner) return { text: `Your opponent left: you win. ${waiting}`, tone: 'won' };
    return { text: `${nameOf(board, board.winner)} wins: the other player left. ${waiting}`, tone: 'wait' };
  }
  return finished(board);
}

/**
 * @param {import('./board-state.js').Board} board a finished game
 * @returns {{text: string, tone: 'turn'|'wait'|'won'|'lost'|'draw'}}
 */
function finished(board) {
  if (board.result === Result.DRAW) return { text: 'Draw: the board is full.', tone: 'draw' };
  const own = board.own;
  const winner = nameOf(board, board.winner);
  const tone = !own ? 'wait' : own.color === board.winner ? 'won' : 'lost';
  if (board.result === Result.TIME_RAN_OUT) {
    const loser = board.winner === Color.RED ? Color.YELLOW : Color.RED;
    if (tone === 'won') return { text: `${nameOf(board, loser)} ran out of time: you win.`, tone };
    if (tone === 'lost') return { text: `You ran out of time: ${winner} wins.`, tone };
    return { text: `${nameOf(board, loser)} ran out of time: ${winner} wins.`, tone };
  }
  if (tone === 'won') return { text: 'You win: four in a row!', tone };
  return { text: `${winner} (${colorName(board.winner)}) wins: four in a row.`, tone };
}

/**
 * What the rematch button says, or null when it is not shown (not a player, or the game is not over).
 * @param {import('./board-state.js').Board} board
 * @returns {{text: string, disabled: boolean}|null}
 */
export function rematchButton(board) {
  if (!board.own || board.phase !== MatchPhase.FINISHED) return null;
  const other = board.seats.find((s) => !s.own);
  if (board.own.wantsRematch) return { text: `Waiting for ${other?.name ?? 'your opponent'}…`, disabled: true };
  return { text: other?.wantsRematch ? `Rematch (${other.name} is ready)` : 'Rematch', disabled: false };
}
