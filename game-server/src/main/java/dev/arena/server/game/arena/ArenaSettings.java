package dev.arena.server.game.arena;

import dev.arena.server.game.Setting;
import dev.arena.server.game.SettingValues;

import java.util.List;

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
 * @param chatMaxLength longest chat line a player may send, in UTF-16 units
 */
public record ArenaSettings(int worldWidth, int worldHeight, int positionScale, double playerSpeed,
                            int orbs, double orbSpeed, double collectRadius, int viewRadius, int chatMaxLength) {
    /** The arena's keys, defaults and ranges: config/README.md and server.yaml list the same. */
    public static final List<Setting> DECLARED = List.of(
            Setting.integer("worldWidth", 2000, 10, 1_000_000, "world width in units"),
            Setting.integer("worldHeight", 2000, 10, 1_000_000, "world height in units"),
            Setting.integer("positionScale", 4, 1, 1000, "quantization: positions travel as units times this"),
            Setting.number("playerSpeed", 200, 0, 1_000_000, "player speed, units per second"),
            Setting.integer("orbs", 30, 0, 10_000, "orbs in each room, each moving every tick"),
            Setting.number("orbSpeed", 60, 0, 1_000_000, "orb speed, units per second"),
            Setting.number("collectRadius", 24, 0, 1_000_000, "a player this close to an orb collects it"),
            Setting.integer("viewRadius", 0, 0, 1_000_000,
                    "a player sees the entities this close to it, in units; 0: the whole world"),
            Setting.integer("chatMaxLength", 200, 1, 500, "longest chat line, in UTF-16 units"));

    /** The arena-bench workload (docs/PERFORMANCE.md): 2000 x 2000, 200 units/s, 30 moving orbs, everything visible. */
    public static final ArenaSettings BENCHMARK = new ArenaSettings(2000, 2000, 4, 200, 30, 60, 24, 0, 200);

    /** The arena-bench-large world (docs/PERFORMANCE.md): 20,000 x 20,000, 2,000 moving orbs, view radius 1,000. */
    public static final ArenaSettings LARGE = new ArenaSettings(20_000, 20_000, 4, 200, 2_000, 60, 24, 1_000, 200);

    /** The settings the server validated for the arena section. */
    public static ArenaSettings from(SettingValues v) {
        return new ArenaSettings(v.integer("worldWidth"), v.integer("worldHeight"), v.integer("positionScale"),
                v.number("playerSpeed"), v.integer("orbs"), v.number("orbSpeed"), v.number("collectRadius"),
                v.integer("viewRadius"), v.integer("chatMaxLength"));
    }
}
