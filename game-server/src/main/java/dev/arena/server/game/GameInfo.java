package dev.arena.server.game;

import java.util.Map;

/**
 * What a client must know to draw a game's world and run its rules locally;
 * sent in WELCOME.
 *
 * @param worldWidth    world width in world units
 * @param worldHeight   world height in world units
 * @param positionScale position fields are world units times this
 * @param params        numbers a client needs to predict the game, by name (the arena
 *                      game sends its {@code playerSpeed}); written in the map's order
 */
public record GameInfo(int worldWidth, int worldHeight, int positionScale, Map<String, Float> params) {
    public GameInfo {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }
}
