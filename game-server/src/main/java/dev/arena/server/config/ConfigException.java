package dev.arena.server.config;

/** An invalid configuration value; the message names the key, what is allowed and what was given. */
public final class ConfigException extends RuntimeException {
    private final String key;

    public ConfigException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** The dotted key at fault, for example {@code room.tickHz}. */
    public String key() {
        return key;
    }
}
