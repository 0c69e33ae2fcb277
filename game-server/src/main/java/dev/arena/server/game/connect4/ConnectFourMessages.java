package dev.arena.server.game.connect4;

import dev.arena.server.protocol.PayloadReader;
import dev.arena.server.protocol.PayloadWriter;

/**
 * The game MESSAGEs of Connect Four (docs/GAMES.md, "A board game"), laid out
 * with the protocol's primitives:
 * <ul>
 *   <li>{@value #MOVE} {@code move}, client to server: {@code [column] (varint)},
 *       0 to 6 from the left;</li>
 *   <li>{@value #REMATCH} {@code rematch}, client to server: no payload; once a
 *       game is over, both players asking starts the next one;</li>
 *   <li>{@value #REJECTED} {@code rejected}, server to the sender only:
 *       {@code [reason] (varint) [text] (string)}, a move or rematch the game
 *       refused ({@link Rejection}), which changed nothing.</li>
 * </ul>
 * A payload that does not read as its layout closes the sender (1002), like
 * any malformed message; a type the game does not know is ignored.
 */
public final class ConnectFourMessages {
    public static final int MOVE = 1;
    public static final int REMATCH = 2;
    public static final int REJECTED = 3;

    /** Why a move or a rematch was refused: the reason code a client acts on, and a line a person reads. */
    public enum Rejection {
        NOT_YOUR_TURN(1, "Not your turn: wait for your opponent's move."),
        COLUMN_FULL(2, "Column %d is full: pick another one."),
        NO_SUCH_COLUMN(3, "There is no column %d: columns are 1 to " + Board.COLUMNS + "."),
        WAITING(4, "The game has not started: waiting for an opponent."),
        GAME_OVER(5, "The game is over: ask for a rematch."),
        REMATCH_NOT_NOW(6, "A rematch is asked for once the game is over.");

        public final int code;
        private final String text;

        Rejection(int code, String text) {
            this.code = code;
            this.text = text;
        }

        /** The REJECTED payload; a column is named counting from 1, as the page labels them. */
        byte[] payload(int column) {
            return new PayloadWriter().varint(code).string(String.format(text, column + 1L)).toBytes();
        }
    }

    private ConnectFourMessages() {
    }

    /** The column of a MOVE payload; not checked against the board. */
    static int readColumn(byte[] payload) {
        PayloadReader in = new PayloadReader(payload);
        int column = in.varint();
        in.end();
        return column;
    }

    /** Checks a REMATCH payload is empty. */
    static void readRematch(byte[] payload) {
        new PayloadReader(payload).end();
    }

    /** A MOVE payload, for clients written in Java (bots, tests). */
    public static byte[] move(int column) {
        return new PayloadWriter().varint(column).toBytes();
    }
}
