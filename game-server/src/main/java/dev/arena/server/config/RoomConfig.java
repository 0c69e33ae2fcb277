package dev.arena.server.config;

import java.util.List;

/**
 * Rooms and matchmaking (config section {@code room}). {@code tickHz},
 * {@code sendHz} and {@code capacity} are the shape of a game's rooms unless
 * the game declares its own ({@link GameConfig}); {@link #forGame} gives the
 * shape one game's rooms take.
 *
 * @param game             the default game: a JOIN that names none plays it
 * @param tickHz           simulation steps per second
 * @param sendHz           state updates per second sent to clients, at most tickHz
 * @param capacity         players per room
 * @param maxRooms         rooms per server, of all games; quick-join is refused past it
 * @param maxCatchUpTicks  steps a late room may run at once to catch up; time beyond is dropped and counted
 * @param inputQueueSize   inputs and game messages a room buffers between ticks; overflow is dropped and counted
 * @param emptyGraceMillis how long an empty room lives before it is disposed
 * @param snapshotHistory  past states kept as baselines; a client further behind gets a full snapshot
 * @param games            the games this server offers, the default game among them
 * @param maxSpectators    spectators per room, on top of its players
 */
public record RoomConfig(String game, int tickHz, int sendHz, int capacity, int maxRooms, int maxCatchUpTicks,
                         int inputQueueSize, int emptyGraceMillis, int snapshotHistory, List<String> games,
                         int maxSpectators) {
    /** Spectators per room when nothing says otherwise (the default of {@code room.maxSpectators}). */
    public static final int DEFAULT_MAX_SPECTATORS = 32;

    public RoomConfig {
        games = List.copyOf(games);
    }

    /** One game's rooms, with the default number of spectators (tests that build a room by hand). */
    public RoomConfig(String game, int tickHz, int sendHz, int capacity, int maxRooms, int maxCatchUpTicks,
                      int inputQueueSize, int emptyGraceMillis, int snapshotHistory) {
        this(game, tickHz, sendHz, capacity, maxRooms, maxCatchUpTicks, inputQueueSize, emptyGraceMillis,
                snapshotHistory, List.of(game), DEFAULT_MAX_SPECTATORS);
    }

    /** The rooms of {@code game}: its name and room shape, the rest of this section as it is. */
    public RoomConfig forGame(GameConfig g) {
        return new RoomConfig(g.name(), g.tickHz(), g.sendHz(), g.capacity(), maxRooms, maxCatchUpTicks,
                inputQueueSize, emptyGraceMillis, snapshotHistory, games, maxSpectators);
    }
}
