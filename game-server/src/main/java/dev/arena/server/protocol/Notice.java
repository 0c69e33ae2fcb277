package dev.arena.server.protocol;

/**
 * NOTICE: a line from the server's operators for the player to read, shown
 * by the browser as a banner ("the server restarts in 5 minutes"). Sent at
 * any moment of a session, in the lobby too; it changes nothing else.
 *
 * @param text what to show, as text (never parsed as markup); at most
 *             {@link #MAX_CHARS} UTF-16 units, no control characters
 */
public record Notice(String text) implements ServerMessage {
    /** The longest notice the server sends, in UTF-16 units (PROTOCOL.md, "NOTICE"). */
    public static final int MAX_CHARS = 500;
}
