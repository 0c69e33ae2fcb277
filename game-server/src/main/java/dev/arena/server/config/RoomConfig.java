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
 * @param reconnectGraceMillis how long a seat whose connection dropped is held for a RESUME; 0 turns resume off
 * @param maxTickMillis    a game call running longer is counted and logged with the room id
 * @param failTickMillis   a game call still running after this fails its room, from outside the room's thread
 */
public record RoomConfig(String game, int tickHz, int sendHz, int capacity, int maxRooms, int maxCatchUpTicks,
                         int inputQueueSize, int emptyGraceMillis, int snapshotHistory, List<String> games,
                         int maxSpectators, int reconnectGraceMillis, int maxTickMillis, int failTickMillis) {
    /** Spectators per room when nothing says otherwise (the default of {@code room.maxSpectators}). */
    public static final int DEFAULT_MAX_SPECTATORS = 32;
    /** Defaults of the keys added with resume and the tick watchdog, for rooms built in tests. */
    public static final int DEFAULT_RECONNECT_GRACE_MILLIS = 15_000;
    public static final int DEFAULT_MAX_TICK_MILLIS = 1_000;
    public static final int DEFAULT_FAIL_TICK_MILLIS = 5_000;

    public RoomConfig {
        games = List.copyOf(games);
    }

    /** One game's rooms, with the default spectators, grace and tick limits (tests that build a room by hand). */
    public RoomConfig(String game, int tickHz, int sendHz, int capacity, int maxRooms, int maxCatchUpTicks,
                      int inputQueueSize, int emptyGraceMillis, int snapshotHistory) {
        this(game, tickHz, sendHz, capacity, maxRooms, maxCatchUpTicks, inputQueueSize, emptyGraceMillis,
                snapshotHistory, List.of(game), DEFAULT_MAX_SPECTATORS);
    }

    /** One game's rooms with the default grace and tick limits (tests that build a room by hand). */
    public RoomConfig(String game, int tickHz, int sendHz, int capacity, int maxRooms, int maxCatchUpTicks,
                      int inputQueueSize, int emptyGraceMillis, int snapshotHistory, List<String> games,
                      int maxSpectators) {
        this(game, tickHz, sendHz, capacity, maxRooms, maxCatchUpTicks, inputQueueSize, emptyGraceMillis,
                snapshotHistory, games, maxSpectators, DEFAULT_RECONNECT_GRACE_MILLIS, DEFAULT_MAX_TICK_MILLIS,
                DEFAULT_FAIL_TICK_MILLIS);
    }

    /** The rooms of {@code game}: its name and room shape, the rest of this section as it is. */
    public RoomConfig forGame(GameConfig g) {
        return new RoomConfig(g.name(), g.tickHz(), g.sendHz(), g.capacity(), maxRooms, maxCatchUpTicks,
                inputQueueSize, emptyGraceMillis, snapshotHistory, games, maxSpectators, reconnectGraceMillis,
                maxTickMillis, failTickMillis);
    }
}
