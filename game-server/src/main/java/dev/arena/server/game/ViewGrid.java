package dev.arena.server.game;

/**
 * Where a {@link Visibility} rule's entities sit: the server keeps them on a
 * uniform grid of square cells, rebuilt once per send tick, so that a view
 * ({@link Sight#within}) only looks at the cells it overlaps. Positions are
 * read from two integer fields, in the units the game writes them (the
 * arena game's quarter units).
 *
 * <p>The cell size only trades the cost of a query against the cost of
 * keeping the grid; it never changes what a view holds (the radius test is
 * exact). About half the view radius is a good start: a view then overlaps
 * some 25 cells.
 *
 * @param cellSize side of a cell in position units, at least 1
 * @param xField   the field holding x, 0 to 31
 * @param yField   the field holding y, 0 to 31, not xField
 */
public record ViewGrid(int cellSize, int xField, int yField) {
    public ViewGrid {
        if (cellSize < 1) {
            throw new IllegalArgumentException("cellSize must be at least 1, got " + cellSize);
        }
        if (xField < 0 || xField > 31 || yField < 0 || yField > 31 || xField == yField) {
            throw new IllegalArgumentException("xField and yField must be two different fields 0..31, got "
                    + xField + " and " + yField);
        }
    }
}
