package dev.arena.server.protocol;

/**
 * INPUT: the player's steering at one moment. The record the codec decodes is
 * also the one a game's {@code onInput} receives (no copy on the way), so it
 * holds plain values only.
 *
 * @param seq     increases by one per input; echoed back as the player's lastSeq
 * @param dx      direction x, with dy a vector of length at most 1
 * @param dy      direction y (grows downwards)
 * @param buttons bit set of pressed buttons, game-defined
 */
public record Input(int seq, float dx, float dy, int buttons) implements ClientMessage {
}
