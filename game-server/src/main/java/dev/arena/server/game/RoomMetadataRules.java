package dev.arena.server.game;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * What room metadata may hold (see {@link GameContext#setMetadata}): a few
 * short entries, since every listing carries them and every filter reads
 * them. A key may not be {@value #RESERVED}, the filter that picks the game.
 */
public final class RoomMetadataRules {
    public static final int MAX_ENTRIES = 8;
    public static final int MAX_KEY_CHARS = 32;
    public static final int MAX_VALUE_CHARS = 64;
    /** {@code ?game=} selects the game in {@code GET /api/rooms}, so no metadata key may take it. */
    public static final String RESERVED = "game";
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0," + (MAX_KEY_CHARS - 1) + "}");

    private RoomMetadataRules() {
    }

    /**
     * Checks one change to {@code current}.
     *
     * @throws IllegalArgumentException saying which rule the change breaks
     */
    public static void check(Map<String, String> current, String key, String value) {
        if (key == null || !KEY.matcher(key).matches() || key.equals(RESERVED)) {
            throw new IllegalArgumentException("a metadata key is a letter then up to " + (MAX_KEY_CHARS - 1)
                    + " letters, digits or _, not \"" + RESERVED + "\"; got " + key);
        }
        if (value == null) {
            return;
        }
        if (value.length() > MAX_VALUE_CHARS || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("metadata " + key + ": a value is up to " + MAX_VALUE_CHARS
                    + " printable chars, got " + value.length() + " chars");
        }
        if (!current.containsKey(key) && current.size() >= MAX_ENTRIES) {
            throw new IllegalArgumentException("metadata " + key + ": a room has at most " + MAX_ENTRIES + " entries");
        }
    }
}
