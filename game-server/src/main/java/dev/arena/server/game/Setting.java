package dev.arena.server.game;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One configuration key a game declares under its own section: the key
 * {@code orbs} of the game {@code arena} is {@code arena.orbs} in a file,
 * {@code -Darena.arena.orbs} and {@code ARENA_ARENA_ORBS}. The server
 * validates it at start-up like its own keys, with an error naming the key
 * and the range, and hands the game the value through
 * {@link GameContext#settings()}.
 *
 * <p>Three keys mean something to the server itself when a game declares
 * them: {@value #CAPACITY}, {@value #TICK_HZ} and {@value #SEND_HZ} set the
 * shape of the game's rooms instead of {@code room.capacity},
 * {@code room.tickHz} and {@code room.sendHz} (see
 * {@link GameDefinition.Builder#capacity}).
 *
 * @param key          the key inside the game's section: a letter, then letters and digits
 * @param kind         what values it takes
 * @param defaultValue an {@link Integer}, {@link Double} or {@link String} within the range
 * @param min          smallest allowed number (numbers only)
 * @param max          largest allowed number (numbers only)
 * @param choices      the allowed values of a {@link Kind#CHOICE}, else empty
 * @param description  one line for config/README.md
 */
public record Setting(String key, Kind kind, Object defaultValue, double min, double max, List<String> choices,
                      String description) {
    /** Players per room of the game (otherwise {@code room.capacity}). */
    public static final String CAPACITY = "capacity";
    /** Simulation steps per second of the game's rooms (otherwise {@code room.tickHz}). */
    public static final String TICK_HZ = "tickHz";
    /** State updates per second of the game's rooms (otherwise {@code room.sendHz}, or the game's tickHz). */
    public static final String SEND_HZ = "sendHz";

    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]{0,39}");

    public enum Kind { INTEGER, NUMBER, CHOICE }

    public Setting {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("a setting key is a lower-case letter, then up to 39 letters or digits, got "
                    + key);
        }
        choices = List.copyOf(choices);
        boolean inRange = switch (kind) {
            case INTEGER -> defaultValue instanceof Integer i && i >= min && i <= max;
            case NUMBER -> defaultValue instanceof Double d && d >= min && d <= max;
            case CHOICE -> !choices.isEmpty() && choices.contains(defaultValue);
        };
        if (!inRange) {
            throw new IllegalArgumentException("setting " + key + ": default " + defaultValue + " is not allowed ("
                    + allowed(kind, min, max, choices) + ")");
        }
    }

    /** A whole number from {@code min} to {@code max}. */
    public static Setting integer(String key, int defaultValue, int min, int max, String description) {
        return new Setting(key, Kind.INTEGER, defaultValue, min, max, List.of(), description);
    }

    /** A number from {@code min} to {@code max}. */
    public static Setting number(String key, double defaultValue, double min, double max, String description) {
        return new Setting(key, Kind.NUMBER, defaultValue, min, max, List.of(), description);
    }

    /** One of a few words, such as a mode. */
    public static Setting choice(String key, String defaultValue, List<String> choices, String description) {
        return new Setting(key, Kind.CHOICE, defaultValue, 0, 0, choices, description);
    }

    /** What the key allows, as config/README.md and error messages say it. */
    public String allowed() {
        return allowed(kind, min, max, choices);
    }

    private static String allowed(Kind kind, double min, double max, List<String> choices) {
        return switch (kind) {
            case INTEGER -> (long) min + " to " + (long) max;
            case NUMBER -> min + " to " + max;
            case CHOICE -> "one of " + choices;
        };
    }
}
