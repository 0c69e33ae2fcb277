package dev.arena.server.protocol;

/**
 * A message that breaks PROTOCOL.md. The connection that sent it is closed
 * with {@link #reason()}'s code and counted under its label; the message says
 * what exactly was wrong.
 */
public final class ProtocolException extends RuntimeException {
    private final CloseReason reason;

    public ProtocolException(CloseReason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public CloseReason reason() {
        return reason;
    }

    public int closeCode() {
        return reason.code();
    }
}
