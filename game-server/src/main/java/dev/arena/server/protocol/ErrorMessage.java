package dev.arena.server.protocol;

/**
 * ERROR: a refused request, or the reason for the close that follows.
 *
 * @param code    one of {@link CloseCodes}' application codes
 * @param message human readable
 */
public record ErrorMessage(int code, String message) implements ServerMessage {
}
