package dev.arena.server.room;

/**
 * A held (or taken over) seat comes back on a new connection
 * ({@link Addresses#roomResume}); answered {@code true} once WELCOME is
 * written to {@code channel}, {@code false} when the room no longer holds
 * the player.
 *
 * @param playerId    the seat's player
 * @param generation  the new attachment, one more than the last one the seat had
 * @param lastTick    the tick of the state the client holds, or -1
 * @param channel     the new connection's channel, which replaces the seat's old one
 * @param resumeToken the seat's token, repeated in WELCOME
 */
public record ResumeRequest(int playerId, int generation, int lastTick, ClientChannel channel, String resumeToken) {
    /** The token is a secret: it never reaches a log through this record. */
    @Override
    public String toString() {
        return "ResumeRequest[playerId=" + playerId + ", generation=" + generation + ", lastTick=" + lastTick + "]";
    }
}
