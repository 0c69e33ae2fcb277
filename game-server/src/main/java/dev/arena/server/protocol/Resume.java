package dev.arena.server.protocol;

/**
 * RESUME: take back a seat held after a dropped connection, on a new one.
 *
 * @param protocolVersion the protocol version the client speaks; a RESUME of another version carries nothing
 *                        else (token null, lastTick -1) and is answered with ERROR 4011
 * @param token           the resume token of the WELCOME that seated the player; a secret
 * @param lastTick        the tick of the last state the client holds, or -1 for none
 */
public record Resume(int protocolVersion, String token, int lastTick) implements ClientMessage {
    /** The token is a secret: it never reaches a log through this record. */
    @Override
    public String toString() {
        return "Resume[protocolVersion=" + protocolVersion + ", token=" + (token == null ? "null" : "<redacted>")
                + ", lastTick=" + lastTick + "]";
    }
}
