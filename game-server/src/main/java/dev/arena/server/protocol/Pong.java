package dev.arena.server.protocol;

/**
 * PONG, in either direction: the answer to a PING.
 *
 * @param time the PING's time, echoed
 */
public record Pong(long time) implements ClientMessage, ServerMessage {
}
