/**
 * What Connect Four's entities mean (the server's `ConnectFourGame`): one
 * match entity, a player entity per seat, a disc entity per move. Pure
 * functions from the SDK's newest state to a board the view draws and the
 * tests read.
 */

export const Kind = Object.freeze({ PLAYER: 1, DISC: 2, MATCH: 3 });
export const MatchPhase = Object.freeze({ WAITING: 0, PLAYING: 1, FINISHED: 2 });
export const Color = Object.freeze({ RED: 1, YELLOW: 2 });
export const Result = Object.freeze({ NONE: 0, FOUR_IN_A_ROW: 1, DRAW: 2, OPPONENT_LEFT: 3, TIME_RAN_OUT: 4 });
/** The board's size when WELCOME does not say (its `columns` and `rows` params). */
export const COLUMNS = 7;
export const ROWS = 6;

/** @typedef {{id: number, kind: number, label: string|null, fields: number[]}} Entity */
/** @typedef {{id: number, name: string, color: number, wins: number, wantsRematch: boolean, own: boolean}} Seat */
/** @typedef {{color: number, winning: boolean, move: number}} Disc */
/**
 * @typedef {object} Board
 * @property {number} phase a MatchPhase
 * @property {number} turn the colour to move, 0 for none
 * @property {number} winner the winning colour, 0 for none or a draw
 * @property {number} result a Result: how the last game ended
 * @property {number} moves discs on the board
 * @property {number} round games started in this room
 * @property {number} turnEndsAtTick the step at which the player on turn runs out of time, 0 without a limit
 * @property {Seat[]} seats by colour, red first
 * @property {Seat|null} own the own seat (null for a spectator)
 * @property {(Disc|null)[][]} cells `cells[column][row]`, row 0 at the bottom
 * @property {{column: number, row: number}|null} lastMove
 */

/**
 * What the SDK's RoomState carries for an entity (and the page's debug hook shows).
 * @param {Entity} e
 * @returns {Record<string, number|boolean>}
 */
export function entityFacts(e) {
  const f = e.fields;
  switch (e.kind) {
    case Kind.PLAYER:
      return { color: f[0], wins: f[1], score: f[1], wantsRematch: f[2] === 1 };
    case Kind.DISC:
      return { column: f[0], row: f[1], color: f[2], winning: f[3] === 1, move: f[4] };
    case Kind.MATCH:
      return { phase: f[0], turn: f[1], winner: f[2], result: f[3], moves: f[4], round: f[5], turnEndsAtTick: f[6] };
    default:
      return {};
  }
}

/**
 * @param {Iterable<Entity>} entities the newest server state
 * @param {number} ownId the own player's id (0 for a spectator)
 * @param {number} [columns]
 * @param {number} [rows]
 * @returns {Board}
 */
export function readBoard(entities, ownId, columns = COLUMNS, rows = ROWS) {
  /** @type {Board} */
  const board = {
    phase: MatchPhase.WAITING, turn: 0, winner: 0, result: Result.NONE, moves: 0, round: 0, turnEndsAtTick: 0,
    seats: [], own: null, cells: Array.from({ length: columns }, () => new Array(rows).fill(null)), lastMove: null,
  };
  let lastMove = 0;
  for (const e of entities) {
    const f = e.fields;
    if (e.kind === Kind.MATCH) {
      [board.phase, board.turn, board.winner, board.result, board.moves, board.round, board.turnEndsAtTick] = f;
    } else if (e.kind === Kind.PLAYER) {
      const seat = { id: e.id, name: e.label ?? `#${e.id}`, color: f[0], wins: f[1], wantsRematch: f[2] === 1, own: e.id === ownId };
      board.seats.push(seat);
      if (seat.own) board.own = seat;
    } else if (e.kind === Kind.DISC && f[0] >= 0 && f[0] < columns && f[1] >= 0 && f[1] < rows) {
      board.cells[f[0]][f[1]] = { color: f[2], winning: f[3] === 1, move: f[4] };
      if (f[4] > lastMove) {
        lastMove = f[4];
        board.lastMove = { column: f[0], row: f[1] };
      }
    }
  }
  board.seats.sort((a, b) => a.color - b.color);
  return board;
}

/**
 * @param {Board} board
 * @param {number} color
 * @returns {Seat|null}
 */
export function seatOf(board, color) {
  return board.seats.find((s) => s.color === color) ?? null;
}

/**
 * Whole seconds the player on turn has left, or null without a clock.
 * @param {Board} board
 * @param {number|null} tick the tick of the newest state
 * @param {number} tickHz
 * @returns {number|null}
 */
export function secondsLeft(board, tick, tickHz) {
  if (board.phase !== MatchPhase.PLAYING || board.turnEndsAtTick === 0 || tick === null) return null;
  return Math.max(0, Math.ceil((board.turnEndsAtTick - tick) / tickHz));
}
