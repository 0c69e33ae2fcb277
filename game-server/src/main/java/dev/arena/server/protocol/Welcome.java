package dev.arena.server.protocol;

import java.util.Map;

/**
 * WELCOME: the join (or the resume) succeeded.
 *
 * @param playerId             the entity id of this client's own player
 * @param roomId               the room joined
 * @param tickHz               simulation rate
 * @param sendHz               state update rate
 * @param serverTime           server wall clock, ms since the Unix epoch
 * @param worldWidth           world width in world units
 * @param worldHeight          world height in world units
 * @param positionScale        a position field divided by this is in world units
 * @param params               game parameters a client needs for prediction, by name, in wire order
 * @param reconnectGraceMillis how long the seat is held after the connection drops (0: resume is off)
 * @param resumeToken          the secret a RESUME names to take the seat back, or null when resume is off
 */
public record Welcome(int playerId, String roomId, int tickHz, int sendHz, long serverTime,
                      int worldWidth, int worldHeight, int positionScale, Map<String, Float> params,
                      int reconnectGraceMillis, String resumeToken)
        implements ServerMessage {
    /** The token is a secret: it never reaches a log through this record. */
    @Override
    public String toString() {
        return "Welcome[playerId=" + playerId + ", roomId=" + roomId + ", tickHz=" + tickHz + ", sendHz=" + sendHz
                + ", serverTime=" + serverTime + ", worldWidth=" + worldWidth + ", worldHeight=" + worldHeight
                + ", positionScale=" + positionScale + ", params=" + params + ", reconnectGraceMillis="
                + reconnectGraceMillis + ", resumeToken=" + (resumeToken == null ? "null" : "<redacted>") + "]";
    }
}
