package dev.arena.server.protocol;

import java.util.Map;

/**
 * WELCOME: the join succeeded.
 *
 * @param playerId      the entity id of this client's own player
 * @param roomId        the room joined
 * @param tickHz        simulation rate
 * @param sendHz        state update rate
 * @param serverTime    server wall clock, ms since the Unix epoch
 * @param worldWidth    world width in world units
 * @param worldHeight   world height in world units
 * @param positionScale a position field divided by this is in world units
 * @param params        game parameters a client needs for prediction, by name, in wire order
 */
public record Welcome(int playerId, String roomId, int tickHz, int sendHz, long serverTime,
                      int worldWidth, int worldHeight, int positionScale, Map<String, Float> params)
        implements ServerMessage {
}
