package dev.arena.server.config;

/**
 * Rooms and matchmaking (config section {@code room}).
 *
 * @param game             name of the game every room runs
 * @param tickHz           simulation steps per second
 * @param sendHz           state updates per second sent to clients, at most tickHz
 * @param capacity         players per room
 * @param maxRooms         rooms per server; quick-join is refused past it
 * @param maxCatchUpTicks  steps a late room may run at once to catch up; time beyond is dropped and counted
 * @param inputQueueSize   inputs a room buffers between ticks; overflow is dropped and counted
 * @param emptyGraceMillis how long an empty room lives before it is disposed
 * @param snapshotHistory  past states kept as baselines; a client further behind gets a full snapshot
 * @param reconnectGraceMillis how long a seat whose connection dropped is held for a RESUME; 0 turns resume off
 * @param maxTickMillis    a game call running longer is counted and logged with the room id
 * @param failTickMillis   a game call still running after this fails its room, from outside the room's thread
 */
public record RoomConfig(String game, int tickHz, int sendHz, int capacity, int maxRooms, int maxCatchUpTicks,
                         int inputQueueSize, int emptyGraceMillis, int snapshotHistory, int reconnectGraceMillis,
                         int maxTickMillis, int failTickMillis) {
    /** Defaults of the keys added with resume and the tick watchdog, for rooms built in tests. */
    public static final int DEFAULT_RECONNECT_GRACE_MILLIS = 15_000;
    public static final int DEFAULT_MAX_TICK_MILLIS = 1_000;
    public static final int DEFAULT_FAIL_TICK_MILLIS = 5_000;
}
