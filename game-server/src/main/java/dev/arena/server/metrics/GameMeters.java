package dev.arena.server.metrics;

/**
 * The meters of one game, labelled {@code game} (bounded: the games a server
 * offers) and, for messages, {@code type} (bounded: the names the game
 * declares, anything else {@code other}). Thread-safe and cheap, like
 * {@link GameMetrics}. docs/OPERATIONS.md gives the Prometheus names.
 */
public interface GameMeters {
    /** A game MESSAGE from a client reached the game. */
    void messageReceived(int type);

    /** A game MESSAGE was written to {@code recipients} clients (a broadcast is encoded once, written N times). */
    void messagesSent(int type, int recipients);

    /** A spectator started watching one of the game's rooms. */
    void spectatorJoined();

    /** A spectator stopped watching (left, disconnected, or the room stopped). */
    void spectatorLeft();
}
