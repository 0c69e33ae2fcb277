package dev.arena.server.game.connect4;

import java.util.ArrayList;
import java.util.List;

/**
 * The 7 x 6 grid of Connect Four and its one rule of geometry: four discs
 * of a colour in a row, a column or a diagonal win. Columns count from 0 at
 * the left, rows from 0 at the bottom; a disc dropped in a column lands on
 * the lowest empty row. Knows nothing of players, turns or the world.
 */
final class Board {
    static final int COLUMNS = 7;
    static final int ROWS = 6;
    static final int EMPTY = 0;
    /** Discs in a row that win. */
    static final int CONNECT = 4;
    /** The four line directions through a cell: a row, a column and both diagonals. */
    private static final int[][] DIRECTIONS = {{1, 0}, {0, 1}, {1, 1}, {1, -1}};

    /** {@code cells[column][row]}: a colour, or {@link #EMPTY}. */
    private final int[][] cells = new int[COLUMNS][ROWS];
    private final int[] heights = new int[COLUMNS];
    private int discs;

    static boolean isColumn(int column) {
        return column >= 0 && column < COLUMNS;
    }

    boolean columnFull(int column) {
        return heights[column] == ROWS;
    }

    boolean full() {
        return discs == COLUMNS * ROWS;
    }

    int at(int column, int row) {
        return cells[column][row];
    }

    /**
     * Drops a disc of {@code color} in a column that {@link #isColumn exists}
     * and is not {@link #columnFull full}.
     *
     * @return the row it landed on
     */
    int drop(int column, int color) {
        int row = heights[column]++;
        cells[column][row] = color;
        discs++;
        return row;
    }

    /**
     * The cells of every line of {@value #CONNECT} or more through the disc at
     * ({@code column}, {@code row}), that disc included; empty when it wins
     * nothing. Only the last disc dropped can have made a new line, so this is
     * the whole win check. A disc that completes two lines at once (a row and
     * a diagonal) returns both, for the highlight.
     *
     * @return {column, row} pairs
     */
    List<int[]> linesThrough(int column, int row) {
        int color = cells[column][row];
        List<int[]> won = new ArrayList<>();
        for (int[] d : DIRECTIONS) {
            List<int[]> line = new ArrayList<>();
            line.add(new int[] {column, row});
            collect(line, column, row, d[0], d[1], color);
            collect(line, column, row, -d[0], -d[1], color);
            if (line.size() >= CONNECT) {
                for (int[] cell : line) {
                    if (won.stream().noneMatch(c -> c[0] == cell[0] && c[1] == cell[1])) {
                        won.add(cell);
                    }
                }
            }
        }
        return won;
    }

    /** Adds the cells of {@code color} next to (column, row) going (dc, dr), up to the first other cell. */
    private void collect(List<int[]> line, int column, int row, int dc, int dr, int color) {
        int c = column + dc;
        int r = row + dr;
        while (isColumn(c) && r >= 0 && r < ROWS && cells[c][r] == color) {
            line.add(new int[] {c, r});
            c += dc;
            r += dr;
        }
    }

    void clear() {
        for (int[] column : cells) {
            java.util.Arrays.fill(column, EMPTY);
        }
        java.util.Arrays.fill(heights, 0);
        discs = 0;
    }
}
