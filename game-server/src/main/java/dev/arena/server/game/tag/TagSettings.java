package dev.arena.server.game.tag;

import dev.arena.server.game.Setting;
import dev.arena.server.game.SettingValues;

import java.util.List;

/**
 * The tag game's settings (config section {@code tag}; config/README.md
 * lists them with the same defaults).
 *
 * @param worldWidth          field width in units
 * @param worldHeight         field height in units
 * @param positionScale       position fields are units times this
 * @param runnerSpeed         speed of a player who is not it, units per second
 * @param itSpeed             speed of an it
 * @param tagRadius           an it this close to an opponent, centre to centre, tags them
 * @param roundSeconds        length of a round
 * @param breakSeconds        pause between rounds, with the result shown
 * @param freezeSeconds       how long a player who becomes it stands still
 * @param its                 players who are it in a round (at most players - 1)
 */
public record TagSettings(int worldWidth, int worldHeight, int positionScale, double runnerSpeed, double itSpeed,
                          double tagRadius, int roundSeconds, int breakSeconds, double freezeSeconds, int its) {
    /** Keys, defaults and ranges; {@link TagGame#DEFINITION} adds {@code capacity} and {@code tickHz}. */
    public static final List<Setting> DECLARED = List.of(
            Setting.integer("worldWidth", 1200, 10, 100_000, "field width in units"),
            Setting.integer("worldHeight", 800, 10, 100_000, "field height in units"),
            Setting.integer("positionScale", 4, 1, 1000, "quantization: positions travel as units times this"),
            Setting.number("runnerSpeed", 200, 0, 100_000, "speed of a player who is not it, units per second"),
            Setting.number("itSpeed", 230, 0, 100_000, "speed of an it, units per second"),
            Setting.number("tagRadius", 32, 0, 100_000, "an it this close to an opponent (centre to centre) tags them"),
            Setting.integer("roundSeconds", 90, 5, 3600, "length of a round in seconds"),
            Setting.integer("breakSeconds", 5, 1, 600, "pause between rounds, with the result shown"),
            Setting.number("freezeSeconds", 1.5, 0, 60, "a player who becomes it stands still this long"),
            Setting.integer("its", 1, 1, 100, "players who are it in a round (at most players - 1)"));

    /** The settings the server validated for the tag section. */
    public static TagSettings from(SettingValues v) {
        return new TagSettings(v.integer("worldWidth"), v.integer("worldHeight"), v.integer("positionScale"),
                v.number("runnerSpeed"), v.number("itSpeed"), v.number("tagRadius"), v.integer("roundSeconds"),
                v.integer("breakSeconds"), v.number("freezeSeconds"), v.integer("its"));
    }
}
