package dev.arena.server.config;

/**
 * A configuration value that must never reach a log, an error message or a
 * {@code toString()} (a record holding it prints {@code (secret)}). Read it
 * with {@link #reveal()} only where it is compared.
 */
public final class Secret {
    private static final Secret NONE = new Secret("");

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** The secret, or {@link #none()} for an empty string. */
    public static Secret of(String value) {
        return value.isEmpty() ? NONE : new Secret(value);
    }

    /** No secret configured. */
    public static Secret none() {
        return NONE;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return value.isEmpty() ? "(none)" : "(secret)";
    }
}
