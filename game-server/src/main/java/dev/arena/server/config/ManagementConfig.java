package dev.arena.server.config;

/**
 * The management server for health, readiness and metrics (config section {@code management}).
 *
 * @param host                   address to bind
 * @param port                   port to bind (0 picks a free one)
 * @param readyLoopTimeoutMillis {@code /ready} fails when an event loop does not run a probe task within this time
 * @param readyTickLagMillis     {@code /ready} fails when a room's tick is overdue, or ran late, by more than this
 * @param shutdownDrainMillis    on shutdown, how long {@code /ready} fails before players are disconnected,
 *                               so load balancers and matchmakers stop sending players first
 * @param token                  when not empty, {@code /metrics}, {@code /ready} and the admin API need
 *                               {@code Authorization: Bearer <token>}
 * @param maxBans                how many bans the admin API keeps at most (in memory)
 */
public record ManagementConfig(String host, int port, int readyLoopTimeoutMillis, int readyTickLagMillis,
                               int shutdownDrainMillis, Secret token, int maxBans) {
}
