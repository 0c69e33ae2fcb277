package dev.arena.server.room;

import dev.arena.server.game.PlayerInput;

/**
 * An input on its way from a connection to its room.
 *
 * @param playerId     the sender's entity id
 * @param input        the decoded input
 * @param arrivalNanos {@link System#nanoTime()} when its frame arrived, for the input-latency metric
 */
public record InputEnvelope(int playerId, PlayerInput input, long arrivalNanos) {
}
