package dev.arena.server.protocol;

/** A message a client sends to the server. */
public sealed interface ClientMessage permits Join, Input, Ping, Pong, Leave, Resume, GameMessage {
}
