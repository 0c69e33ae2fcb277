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
 */
public record RoomConfig(String game, int tickHz, int sendHz, int capacity, int maxRooms, int maxCatchUpTicks,
                         int inputQueueSize, int emptyGraceMillis, int snapshotHistory) {
}
