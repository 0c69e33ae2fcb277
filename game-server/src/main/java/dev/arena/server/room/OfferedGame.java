package dev.arena.server.room;

import dev.arena.server.config.GameConfig;
import dev.arena.server.config.RoomConfig;
import dev.arena.server.game.GameDefinition;
import dev.arena.server.metrics.GameMeters;

/**
 * A game this server offers, ready to open rooms of: its definition, its
 * validated configuration, the shape of its rooms and its meters.
 *
 * @param definition how to create the game and what it declares
 * @param config     its settings and room shape
 * @param rooms      {@code room.*} with the game's name, capacity, tick and send rates
 * @param meters     its per-game meters (messages by type, spectators)
 */
public record OfferedGame(GameDefinition definition, GameConfig config, RoomConfig rooms, GameMeters meters) {
    public String name() {
        return definition.name();
    }
}
