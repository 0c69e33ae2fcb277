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
 * @param viewRadius    a player sees the entities this close to it, in units; 0: the whole world
 */
public record ArenaSettings(int worldWidth, int worldHeight, int positionScale, double playerSpeed,
                            int orbs, double orbSpeed, double collectRadius, int viewRadius) {
    /** The arena-bench workload (docs/PERFORMANCE.md): 2000 x 2000, 200 units/s, 30 moving orbs, everything visible. */
    public static final ArenaSettings BENCHMARK = new ArenaSettings(2000, 2000, 4, 200, 30, 60, 24, 0);

    /** The arena-bench-large world (docs/PERFORMANCE.md): 20,000 x 20,000, 2,000 moving orbs, view radius 1,000. */
    public static final ArenaSettings LARGE = new ArenaSettings(20_000, 20_000, 4, 200, 2_000, 60, 24, 1_000);
}
