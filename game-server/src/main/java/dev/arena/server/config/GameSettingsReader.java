package dev.arena.server.config;

import dev.arena.server.game.GameDefinition;
import dev.arena.server.game.Setting;
import dev.arena.server.game.SettingValues;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * Reads one game's section with the checks of the server's own keys, so an
 * error names the key: {@code arena.orbs must be an integer between 0 and
 * 10000, got -1}. The room shape keys a game declares ({@link Setting#CAPACITY},
 * {@link Setting#TICK_HZ}, {@link Setting#SEND_HZ}) override {@code room.*} for
 * its rooms.
 */
final class GameSettingsReader {
    private GameSettingsReader() {
    }

    static GameConfig read(ConfigReader r, GameDefinition game, RoomConfig room) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Setting s : game.settings()) {
            String key = game.name() + "." + s.key();
            Object value = switch (s.kind()) {
                case INTEGER -> r.integer(key, (int) s.min(), (int) s.max());
                case NUMBER -> r.number(key, s.min(), s.max());
                case CHOICE -> r.oneOf(key, new LinkedHashSet<>(s.choices()));
            };
            values.put(s.key(), value);
        }
        SettingValues settings = new SettingValues(game.name(), values);
        int capacity = settings.has(Setting.CAPACITY) ? settings.integer(Setting.CAPACITY) : room.capacity();
        int tickHz = settings.has(Setting.TICK_HZ) ? settings.integer(Setting.TICK_HZ) : room.tickHz();
        // A game that sets its own tick rate sends at it unless it says otherwise: room.sendHz may be faster.
        int sendHz = settings.has(Setting.SEND_HZ) ? settings.integer(Setting.SEND_HZ)
                : settings.has(Setting.TICK_HZ) ? tickHz : room.sendHz();
        if (sendHz > tickHz) {
            String key = settings.has(Setting.SEND_HZ) ? game.name() + "." + Setting.SEND_HZ : "room.sendHz";
            throw new ConfigException(key, key + " must be at most the tick rate of " + game.name() + " (" + tickHz
                    + "), got " + sendHz);
        }
        return new GameConfig(game.name(), capacity, tickHz, sendHz, settings);
    }
}
