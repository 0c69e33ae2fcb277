// Connect Four's folder, without a browser: its messages against the server's layout, the board it
// reads from the entities, and the lines it shows to a player, the opponent and a spectator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PayloadWriter } from '../sdk/index.js';
import { Color, entityFacts, Kind, MatchPhase, readBoard, Result, secondsLeft } from '../games/connect4/board-state.js';
import { decodeRejected, encodeMove, encodeRematch, Rejection } from '../games/connect4/messages.js';
import { rematchButton, statusLine } from '../games/connect4/status.js';
import { gameModule } from '../page/games.js';

const match = (phase, turn, winner = 0, result = 0, moves = 0, round = 1, endsAt = 0) =>
  ({ id: 1, kind: Kind.MATCH, label: null, fields: [phase, turn, winner, result, moves, round, endsAt] });
const player = (id, name, color, wins = 0, rematch = 0) => ({ id, kind: Kind.PLAYER, label: name, fields: [color, wins, rematch] });
const disc = (id, column, row, color, move, winning = 0) => ({ id, kind: Kind.DISC, label: null, fields: [column, row, color, winning, move] });
const ann = player(2, 'ann', Color.RED, 1);
const bob = player(3, 'bob', Color.YELLOW);

test('a move is its column as a varint, a rematch is empty, a refusal reads as the server writes it', () => {
  assert.deepEqual([...encodeMove(3)], [3]);
  assert.deepEqual([...encodeRematch()], []);
  const payload = new PayloadWriter().varint(Rejection.COLUMN_FULL).string('Column 1 is full: <b>pick</b> another one.').toBytes();
  assert.deepEqual(decodeRejected(payload), { reason: 2, text: 'Column 1 is full: <b>pick</b> another one.' });
  assert.throws(() => decodeRejected(new Uint8Array([1])));
});

test('the board puts each disc in its cell, marks the winning line and the last move, and finds the own seat', () => {
  const board = readBoard([match(MatchPhase.FINISHED, 0, Color.RED, Result.FOUR_IN_A_ROW, 3), ann, bob,
    disc(4, 3, 0, Color.RED, 1, 1), disc(5, 3, 1, Color.YELLOW, 2), disc(6, 4, 0, Color.RED, 3, 1)], 3);
  assert.equal(board.phase, MatchPhase.FINISHED);
  assert.deepEqual(board.cells[3][0], { color: Color.RED, winning: true, move: 1 });
  assert.deepEqual(board.cells[3][1], { color: Color.YELLOW, winning: false, move: 2 });
  assert.equal(board.cells[0][0], null);
  assert.deepEqual(board.lastMove, { column: 4, row: 0 });
  assert.equal(board.own?.name, 'bob');
  assert.deepEqual(board.seats.map((s) => s.name), ['ann', 'bob']);
  assert.equal(readBoard([disc(9, 7, 0, Color.RED, 1)], 0).moves, 0, 'a disc off the board is ignored');
  assert.deepEqual(entityFacts(player(2, 'ann', Color.YELLOW, 4, 1)), { color: 2, wins: 4, score: 4, wantsRematch: true });
});

test('whose turn, with the clock, as the player on turn, the other player and a spectator read it', () => {
  const playing = [match(MatchPhase.PLAYING, Color.RED, 0, 0, 0, 1, 48), ann, bob];
  assert.deepEqual(statusLine(readBoard(playing, 2), secondsLeft(readBoard(playing, 2), 8, 4)),
    { text: 'Your turn (red) · 10 s', tone: 'turn' });
  assert.deepEqual(statusLine(readBoard(playing, 3), null), { text: "ann's turn (red)", tone: 'wait' });
  assert.equal(statusLine(readBoard(playing, 0), 3).text, "ann's turn (red) · 3 s");
  assert.equal(secondsLeft(readBoard(playing, 0), 47, 4), 1, 'a part of a second counts as a second');
  assert.equal(secondsLeft(readBoard(playing, 0), 60, 4), 0);
  assert.equal(secondsLeft(readBoard([match(MatchPhase.PLAYING, Color.RED), ann, bob], 0), 8, 4), null, 'no limit');
});

test('how a game ended, for the winner, the loser and a spectator', () => {
  const won = [match(MatchPhase.FINISHED, 0, Color.RED, Result.FOUR_IN_A_ROW), ann, bob];
  assert.deepEqual(statusLine(readBoard(won, 2), null), { text: 'You win: four in a row!', tone: 'won' });
  assert.deepEqual(statusLine(readBoard(won, 3), null), { text: 'ann (red) wins: four in a row.', tone: 'lost' });
  assert.equal(statusLine(readBoard(won, 0), null).tone, 'wait');
  const timeout = [match(MatchPhase.FINISHED, 0, Color.YELLOW, Result.TIME_RAN_OUT), ann, bob];
  assert.equal(statusLine(readBoard(timeout, 2), null).text, 'You ran out of time: bob wins.');
  assert.equal(statusLine(readBoard(timeout, 3), null).text, 'ann ran out of time: you win.');
  assert.equal(statusLine(readBoard([match(MatchPhase.FINISHED, 0, 0, Result.DRAW), ann, bob], 0), null).text,
    'Draw: the board is full.');
  const left = [match(MatchPhase.WAITING, 0, Color.YELLOW, Result.OPPONENT_LEFT), bob];
  assert.equal(statusLine(readBoard(left, 3), null).text, 'Your opponent left: you win. Waiting for an opponent…');
  assert.equal(statusLine(readBoard(left, 0), null).text, 'bob wins: the other player left. Waiting for a second player…');
  assert.equal(statusLine(readBoard([match(MatchPhase.WAITING, 0), ann], 2), null).text, 'Waiting for an opponent…');
});

test('the rematch button: only for a player of a finished game, saying who is ready', () => {
  const over = (annWants, bobWants) => [match(MatchPhase.FINISHED, 0, Color.RED, Result.FOUR_IN_A_ROW),
    player(2, 'ann', Color.RED, 1, annWants), player(3, 'bob', Color.YELLOW, 0, bobWants)];
  assert.deepEqual(rematchButton(readBoard(over(0, 0), 2)), { text: 'Rematch', disabled: false });
  assert.deepEqual(rematchButton(readBoard(over(0, 1), 2)), { text: 'Rematch (bob is ready)', disabled: false });
  assert.deepEqual(rematchButton(readBoard(over(1, 0), 2)), { text: 'Waiting for bob…', disabled: true });
  assert.equal(rematchButton(readBoard(over(0, 0), 0)), null, 'not for a spectator');
  assert.equal(rematchButton(readBoard([match(MatchPhase.PLAYING, Color.RED), ann, bob], 2)), null);
});

test('the page mounts the connect4 folder for a WELCOME of connect4, whose entities carry their facts', () => {
  const module = gameModule('connect4');
  assert.equal(module.name, 'connect4');
  const view = module.roomOptions(/** @type {any} */ ({ params: {} })).view;
  assert.deepEqual(view?.(disc(4, 3, 0, Color.RED, 1, 1), /** @type {any} */ ({})),
    { column: 3, row: 0, color: 1, winning: true, move: 1 });
});
