package dev.arena.server.config;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The server's log (config section {@code log}).
 *
 * @param format {@value #TEXT} (one line per event, for people) or {@value #JSON} (one JSON object per line,
 *               for a log collector); {@code dev.arena.server.ops.LogFormat} applies it
 */
public record LogConfig(String format) {
    public static final String TEXT = "text";
    public static final String JSON = "json";
    /** The allowed formats, in the order an error message lists them. */
    public static final Set<String> FORMATS = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(TEXT, JSON)));

    public boolean json() {
        return JSON.equals(format);
    }
}
