package dev.arena.server.protocol;

/**
 * A message that breaks PROTOCOL.md. The connection that sent it is closed
 * with {@link #closeCode()}; {@link #reason()} is a short, bounded label
 * (safe as a metric label), the message says what exactly was wrong.
 */
public final class ProtocolException extends RuntimeException {
    private final int closeCode;
    private final String reason;

    public ProtocolException(int closeCode, String reason, String message) {
        super(message, null, false, false);
        this.closeCode = closeCode;
        this.reason = reason;
    }

    /** A malformed message: close code 1002. */
    public static ProtocolException malformed(String reason, String message) {
        return new ProtocolException(CloseCodes.PROTOCOL_ERROR, reason, message);
    }

    public int closeCode() {
        return closeCode;
    }

    public String reason() {
        return reason;
    }
}
