package dev.arena.server.game;

import java.util.random.RandomGenerator;

/** Creates the game of a new room. Registered with the server under a name (config {@code room.game}). */
@FunctionalInterface
public interface GameFactory {
    /**
     * @param world  the room's replicated state, empty
     * @param random the room's random source (seeded per room, so tests can repeat a game)
     */
    Game create(World world, RandomGenerator random);
}
