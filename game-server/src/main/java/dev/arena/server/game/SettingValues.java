package dev.arena.server.game;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The validated values of a game's {@link Setting}s, by key: the declared
 * defaults with the operator's overrides. Immutable, and equal to another
 * holding the same values for the same game (so two configurations compare
 * by what they say). Asking for a key the
 * game did not declare, or as the wrong kind, is a programming error
 * ({@link IllegalArgumentException}), found by the game's first test.
 */
public final class SettingValues {
    private final String game;
    private final Map<String, Object> values;

    /** @param values by key: an Integer, Double or String per declared setting */
    public SettingValues(String game, Map<String, Object> values) {
        this.game = game;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public int integer(String key) {
        return get(key, Integer.class);
    }

    public double number(String key) {
        return get(key, Double.class);
    }

    /** The value of a {@link Setting.Kind#CHOICE} setting. */
    public String choice(String key) {
        return get(key, String.class);
    }

    /** Whether the game declared the key. */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** Every value, by key, in declaration order. */
    public Map<String, Object> asMap() {
        return values;
    }

    private <T> T get(String key, Class<T> type) {
        Object v = values.get(key);
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException(game + " declares no " + type.getSimpleName().toLowerCase()
                    + " setting " + key + (v == null ? "" : " (it is a " + v.getClass().getSimpleName() + ")"));
        }
        return type.cast(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SettingValues other && game.equals(other.game) && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return 31 * game.hashCode() + values.hashCode();
    }

    @Override
    public String toString() {
        return game + values;
    }
}
