package dev.arena.server.protocol;

import java.util.Map;

/**
 * WELCOME: the join (or the resume) succeeded.
 *
 * @param protocolVersion      the server's {@link ProtocolVersion}
 * @param playerId             the entity id of this client's own player, 0 for a spectator
 * @param roomId               the room joined
 * @param game                 the game the room runs
 * @param flags                {@link #SPECTATOR}, or 0
 * @param privateCode          the room's code when it is private (to share with friends), else null
 * @param tickHz               simulation rate
 * @param sendHz               state update rate
 * @param serverTime           server wall clock, ms since the Unix epoch
 * @param worldWidth           world width in world units
 * @param worldHeight          world height in world units
 * @param positionScale        a position field divided by this is in world units
 * @param params               game parameters a client needs for prediction, by name, in wire order
 * @param reconnectGraceMillis how long the seat is held after the connection drops (0: resume is off or a spectator)
 * @param resumeToken          the secret a RESUME names to take the seat back; null when resume is off and for a
 *                             spectator, who holds no seat
 */
public record Welcome(int protocolVersion, int playerId, String roomId, String game, int flags, String privateCode,
                      int tickHz, int sendHz, long serverTime, int worldWidth, int worldHeight, int positionScale,
                      Map<String, Float> params, int reconnectGraceMillis, String resumeToken)
        implements ServerMessage {
    /** The client watches: it has no entity and may send neither INPUT nor MESSAGE. */
    public static final int SPECTATOR = 1;

    public boolean spectator() {
        return (flags & SPECTATOR) != 0;
    }

    /** The token is a secret: it never reaches a log through this record. */
    @Override
    public String toString() {
        return "Welcome[protocolVersion=" + protocolVersion + ", playerId=" + playerId + ", roomId=" + roomId
                + ", game=" + game + ", flags=" + flags + ", privateCode=" + privateCode
                + ", tickHz=" + tickHz + ", sendHz=" + sendHz
                + ", serverTime=" + serverTime + ", worldWidth=" + worldWidth + ", worldHeight=" + worldHeight
                + ", positionScale=" + positionScale + ", params=" + params + ", reconnectGraceMillis="
                + reconnectGraceMillis + ", resumeToken=" + (resumeToken == null ? "null" : "<redacted>") + "]";
    }
}
