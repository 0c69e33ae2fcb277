package dev.arena.server.game;

/**
 * One input of one player, as the game sees it.
 *
 * @param seq     the client's sequence number; games echo the last applied one so clients can reconcile
 * @param dx      direction x; the vector (dx, dy) has length at most 1
 * @param dy      direction y, growing downwards
 * @param buttons bit set of pressed buttons, meaning defined by the game
 */
public record PlayerInput(int seq, float dx, float dy, int buttons) {
}
