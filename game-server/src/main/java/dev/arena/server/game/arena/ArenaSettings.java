package dev.arena.server.game.arena;

/**
 * Parameters of the bundled arena game (config section {@code arena}).
 *
 * @param worldWidth    world width in units
 * @param worldHeight   world height in units
 * @param positionScale quantization: position fields are units times this
 * @param playerSpeed   player speed in units per second
 * @param orbs          number of orbs kept in the world
 * @param orbSpeed      orb speed in units per second
 * @param collectRadius a player this close to an orb collects it
 */
public record ArenaSettings(int worldWidth, int worldHeight, int positionScale, double playerSpeed,
                            int orbs, double orbSpeed, double collectRadius) {
    /** The arena-bench workload (docs/PERFORMANCE.md): 2000 x 2000, 200 units/s, 30 moving orbs. */
    public static final ArenaSettings BENCHMARK = new ArenaSettings(2000, 2000, 4, 200, 30, 60, 24);
}
