package dev.arena.server.config;

import dev.arena.server.game.SettingValues;

/**
 * One game's validated configuration: its section's settings and the shape
 * of its rooms (the game's own {@code capacity}, {@code tickHz} and
 * {@code sendHz} when it declares them, else {@code room.*}'s).
 *
 * @param name     the game's name, which is also its section
 * @param capacity players per room
 * @param tickHz   simulation steps per second
 * @param sendHz   state updates per second, at most tickHz
 * @param settings every declared setting's value
 */
public record GameConfig(String name, int capacity, int tickHz, int sendHz, SettingValues settings) {
}
