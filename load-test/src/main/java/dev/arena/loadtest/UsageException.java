package dev.arena.loadtest;

/** A bad command line. The tool prints the message, which names the option, and exits with status 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message, null, false, false);
    }
}
