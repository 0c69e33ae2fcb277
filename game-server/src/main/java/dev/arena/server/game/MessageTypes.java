package dev.arena.server.game;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The MESSAGE types a game knows, each with a name. The names label the
 * per-type message counters ({@code arena_messages_received_total{game,type}}),
 * so the label set stays small and fixed: a type the game did not declare is
 * counted as {@value #OTHER}.
 */
public final class MessageTypes {
    /** The label of every undeclared type. */
    public static final String OTHER = "other";
    /** At most this many types per game: each is a metric series. */
    public static final int MAX_TYPES = 32;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    private final Map<Integer, String> names;

    MessageTypes(Map<Integer, String> names) {
        if (names.size() > MAX_TYPES) {
            throw new IllegalArgumentException("at most " + MAX_TYPES + " message types, got " + names.size());
        }
        for (Map.Entry<Integer, String> e : names.entrySet()) {
            if (e.getKey() < dev.arena.server.protocol.GameMessage.MIN_TYPE
                    || e.getKey() > dev.arena.server.protocol.GameMessage.MAX_TYPE) {
                throw new IllegalArgumentException("message type " + e.getKey() + " is out of range 0..65535");
            }
            if (!NAME.matcher(e.getValue()).matches() || e.getValue().equals(OTHER)) {
                throw new IllegalArgumentException("message type " + e.getKey() + ": a name is lower_snake_case, up to "
                        + "32 chars, not \"" + OTHER + "\"; got " + e.getValue());
            }
        }
        if (names.values().stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("two message types share a name: " + names);
        }
        this.names = Collections.unmodifiableMap(new TreeMap<>(names));
    }

    /** The declared name of {@code type}, or {@value #OTHER}. */
    public String name(int type) {
        return names.getOrDefault(type, OTHER);
    }

    /** Declared types and their names, ascending by type. */
    public Map<Integer, String> declared() {
        return names;
    }
}
