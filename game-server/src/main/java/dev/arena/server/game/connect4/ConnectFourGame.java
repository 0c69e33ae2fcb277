package dev.arena.server.game.connect4;

import dev.arena.server.game.GameBase;
import dev.arena.server.game.GameContext;
import dev.arena.server.game.GameDefinition;
import dev.arena.server.game.GameInfo;
import dev.arena.server.game.Setting;
import dev.arena.server.game.connect4.ConnectFourMessages.Rejection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.arena.server.game.connect4.ConnectFourMessages.MOVE;
import static dev.arena.server.game.connect4.ConnectFourMessages.REJECTED;
import static dev.arena.server.game.connect4.ConnectFourMessages.REMATCH;

/**
 * Connect Four, the turn-based example: two seats, moves as game MESSAGEs
 * ({@link ConnectFourMessages}), the state changed only by a move, a leave or
 * the turn clock. A refused move is answered to its sender alone and changes
 * nothing. Spectators watch the same state (the server never lets them send).
 *
 * <p>Replicated entities (docs/GAMES.md, "A board game"):
 * <ul>
 *   <li>kind {@value #KIND_MATCH}, one per room: phase, turn, winner, result,
 *       moves, round, turnEndsAtTick;</li>
 *   <li>kind {@value #KIND_PLAYER}, label the name: color, wins, rematch;</li>
 *   <li>kind {@value #KIND_DISC}, one per move: column, row, color, winning, move.</li>
 * </ul>
 * A player who leaves a game in play loses it; the other keeps the seat and
 * waits for a new opponent, and the round starts when one sits down.
 */
public final class ConnectFourGame extends GameBase {
    public static final GameDefinition DEFINITION = GameDefinition.builder("connect4")
            .description("Connect Four: two players drop discs in turn, four in a row wins. Watch any game.")
            // Fixed at two: the operator may not seat a third player at a board for two.
            .setting(Setting.integer(Setting.CAPACITY, 2, 2, 2, "players per room: a board has two seats"))
            .tickHz(4)
            .setting(Setting.integer("turnSeconds", 60, 0, 3600, "time for one move; 0 = no limit"))
            .messageType(MOVE, "move")
            .messageType(REMATCH, "rematch")
            .messageType(REJECTED, "rejected")
            .create(ConnectFourGame::new);

    /** The board: columns 0 (left) to 6, rows 0 (bottom) to 5. */
    public static final int COLUMNS = Board.COLUMNS, ROWS = Board.ROWS;
    public static final int KIND_PLAYER = 1;
    public static final int KIND_DISC = 2;
    public static final int KIND_MATCH = 3;
    /** Match fields. */
    public static final int PHASE = 0, TURN = 1, WINNER = 2, RESULT = 3, MOVES = 4, ROUND = 5, TURN_ENDS_AT_TICK = 6;
    /** Player fields. */
    public static final int COLOR = 0, WINS = 1, WANTS_REMATCH = 2;
    /** Disc fields ({@code COLOR} too, field 2). */
    public static final int COLUMN = 0, ROW = 1, DISC_COLOR = 2, WINNING = 3, MOVE_NUMBER = 4;
    public static final int WAITING = 0, PLAYING = 1, FINISHED = 2;
    public static final int RED = 1, YELLOW = 2;
    /** How a game ended. */
    public static final int NO_RESULT = 0, FOUR_IN_A_ROW = 1, DRAW = 2, OPPONENT_LEFT = 3, TIME_RAN_OUT = 4;
    /** The room metadata {@code state}, by phase: the lobby shows it and {@code ?state=waiting} finds a free seat. */
    private static final List<String> STATES = List.of("waiting", "playing", "finished");

    private final Board board = new Board();
    private final int[][] discIds = new int[Board.COLUMNS][Board.ROWS];
    /** By colour: index RED and YELLOW; null for a free seat. */
    private final Seat[] seats = new Seat[3];
    private final int turnSeconds;
    private final int match;
    private int phase = WAITING;
    private int turn;
    private int winner;
    private int result = NO_RESULT;
    private int moves;
    private int round;
    /** The step at which the player on turn runs out of time; 0 without a limit. */
    private long turnEndsAtTick;
    private long lastTick;

    private ConnectFourGame(GameContext context) {
        super(context);
        turnSeconds = context.settings().integer("turnSeconds");
        match = world.spawn(KIND_MATCH, null, 7);
        publish();
    }

    @Override
    public GameInfo info() {
        // The board is the world: one unit a cell. The page shows the turn clock from turnSeconds.
        Map<String, Float> params = new LinkedHashMap<>();
        params.put("columns", (float) Board.COLUMNS);
        params.put("rows", (float) Board.ROWS);
        params.put("turnSeconds", (float) turnSeconds);
        return new GameInfo(Board.COLUMNS, Board.ROWS, 1, params);
    }

    @Override
    public int onJoin(String name) {
        // The room's capacity (2) keeps a third player out, so a seat is free.
        int color = seats[RED] == null ? RED : YELLOW;
        int id = world.spawn(KIND_PLAYER, name, 3);
        world.set(id, COLOR, color);
        seats[color] = new Seat(id, color);
        if (seats[other(color)] != null) {
            startRound();
        }
        return id;
    }

    @Override
    public void onLeave(int playerId) {
        Seat leaver = seatOf(playerId);
        world.despawn(playerId);
        seats[leaver.color] = null;
        if (phase == PLAYING) {
            finish(other(leaver.color), OPPONENT_LEFT);
        }
        // A finished game is kept on the board until the next one starts; the seat waits for a new opponent.
        phase = WAITING;
        clearRematch();
        publish();
    }

    @Override
    public void onMessage(int playerId, int type, byte[] payload) {
        if (type == MOVE) {
            move(seatOf(playerId), ConnectFourMessages.readColumn(payload));
        } else if (type == REMATCH) {
            ConnectFourMessages.readRematch(payload);
            rematch(seatOf(playerId));
        }
    }

    @Override
    public void tick(long tick, double dt) {
        lastTick = tick;
        if (phase == PLAYING && turnEndsAtTick > 0 && tick >= turnEndsAtTick) {
            finish(other(turn), TIME_RAN_OUT);
            publish();
        }
    }

    private void move(Seat seat, int column) {
        Rejection refusal = phase == WAITING ? Rejection.WAITING
                : phase == FINISHED ? Rejection.GAME_OVER
                : seat.color != turn ? Rejection.NOT_YOUR_TURN
                : !Board.isColumn(column) ? Rejection.NO_SUCH_COLUMN
                : board.columnFull(column) ? Rejection.COLUMN_FULL
                : null;
        if (refusal != null) {
            send(seat.id, REJECTED, refusal.payload(column));
            return;
        }
        int row = board.drop(column, seat.color);
        moves++;
        int disc = world.spawn(KIND_DISC, null, 5);
        world.set(disc, COLUMN, column);
        world.set(disc, ROW, row);
        world.set(disc, DISC_COLOR, seat.color);
        world.set(disc, MOVE_NUMBER, moves);
        discIds[column][row] = disc;
        List<int[]> line = board.linesThrough(column, row);
        if (!line.isEmpty()) {
            line.forEach(cell -> world.set(discIds[cell[0]][cell[1]], WINNING, 1));
            finish(seat.color, FOUR_IN_A_ROW);
        } else if (board.full()) {
            finish(0, DRAW);
        } else {
            turn = other(seat.color);
            turnEndsAtTick = deadline();
        }
        publish();
    }

    private void rematch(Seat seat) {
        if (phase != FINISHED) {
            send(seat.id, REJECTED, Rejection.REMATCH_NOT_NOW.payload(0));
            return;
        }
        seat.wantsRematch = true;
        world.set(seat.id, WANTS_REMATCH, 1);
        if (seats[RED].wantsRematch && seats[YELLOW].wantsRematch) {
            startRound();
        }
    }

    /** A new game on a clear board; the first move alternates between the colours from game to game. */
    private void startRound() {
        board.clear();
        for (int[] column : discIds) {
            for (int row = 0; row < column.length; row++) {
                if (column[row] != 0) {
                    world.despawn(column[row]);
                    column[row] = 0;
                }
            }
        }
        round++;
        moves = 0;
        winner = 0;
        result = NO_RESULT;
        phase = PLAYING;
        turn = round % 2 == 1 ? RED : YELLOW;
        turnEndsAtTick = deadline();
        clearRematch();
        publish();
    }

    /** Ends the game; {@code winnerColor} 0 is a draw. */
    private void finish(int winnerColor, int how) {
        phase = FINISHED;
        winner = winnerColor;
        result = how;
        turn = 0;
        turnEndsAtTick = 0;
        if (winnerColor != 0) {
            Seat w = seats[winnerColor];
            w.wins++;
            world.set(w.id, WINS, w.wins);
        }
        clearRematch();
    }

    private void clearRematch() {
        for (Seat s : seats) {
            if (s != null) {
                s.wantsRematch = false;
                world.set(s.id, WANTS_REMATCH, 0);
            }
        }
    }

    /**
     * Moves arrive before the tick of their step, so the step being played is
     * {@code lastTick + 1}; the player on turn has {@code turnSeconds} of steps
     * from it. Joins come between steps, with the same next step.
     */
    private long deadline() {
        return turnSeconds == 0 ? 0 : lastTick + 1 + (long) turnSeconds * context.tickHz();
    }

    /** Writes the match entity and the room's {@code state} metadata (unchanged values cost nothing). */
    private void publish() {
        world.set(match, PHASE, phase);
        world.set(match, TURN, turn);
        world.set(match, WINNER, winner);
        world.set(match, RESULT, result);
        world.set(match, MOVES, moves);
        world.set(match, ROUND, round);
        world.set(match, TURN_ENDS_AT_TICK, (int) turnEndsAtTick);
        context.setMetadata("state", STATES.get(phase));
    }

    private Seat seatOf(int playerId) {
        for (Seat s : seats) {
            if (s != null && s.id == playerId) {
                return s;
            }
        }
        throw new IllegalStateException("player " + playerId + " has no seat");
    }

    private static int other(int color) {
        return color == RED ? YELLOW : RED;
    }

    private static final class Seat {
        final int id;
        final int color;
        int wins;
        boolean wantsRematch;

        Seat(int id, int color) {
            this.id = id;
            this.color = color;
        }
    }
}
