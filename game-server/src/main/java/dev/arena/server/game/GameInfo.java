package dev.arena.server.game;

/**
 * What a client must know to draw a game's world; sent in WELCOME.
 *
 * @param worldWidth    world width in world units
 * @param worldHeight   world height in world units
 * @param positionScale position fields are world units times this
 */
public record GameInfo(int worldWidth, int worldHeight, int positionScale) {
}
