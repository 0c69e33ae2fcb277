package dev.arena.server.config;

/**
 * Per-connection limits (config section {@code session}).
 *
 * @param maxMessagesPerSecond messages (and ping/pong control frames) a client may send in one second; more closes
 *                             it with 1008
 * @param writeQueueMaxBytes   bytes queued to a socket before it counts as congested (updates are then skipped)
 * @param tooSlowMillis        how long a socket may stay congested before it is closed with 4002
 * @param joinTimeoutMillis    how long a connection may stay out of a room before it is closed with 4005
 * @param pingIntervalMillis   how often the server pings a client to measure round-trip time
 * @param maxNameLength        longest player name accepted
 * @param pongTimeoutMillis    a seated client that answers no PING for this long is closed with 4010 (resolved:
 *                             never 0, the key's 0 means 3 x pingIntervalMillis)
 * @param sendBufferBytes      each player socket's TCP send buffer (SO_SNDBUF); 0 leaves the OS's autotuning
 */
public record SessionConfig(int maxMessagesPerSecond, int writeQueueMaxBytes, int tooSlowMillis,
                            int joinTimeoutMillis, int pingIntervalMillis, int maxNameLength, int pongTimeoutMillis,
                            int sendBufferBytes) {
}
