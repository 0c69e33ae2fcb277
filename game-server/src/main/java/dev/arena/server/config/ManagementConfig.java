package dev.arena.server.config;

/**
 * The management server for health and metrics (config section {@code management}).
 *
 * @param host address to bind
 * @param port port to bind (0 picks a free one)
 */
public record ManagementConfig(String host, int port) {
}
