package dev.arena.server.protocol;

/**
 * PING, in either direction: asks the peer to echo {@code time} in a PONG.
 *
 * @param time the sender's clock in microseconds
 */
public record Ping(long time) implements ClientMessage, ServerMessage {
}
