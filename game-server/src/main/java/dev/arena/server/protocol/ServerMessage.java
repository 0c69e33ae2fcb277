package dev.arena.server.protocol;

/** A message the server sends to a client. */
public sealed interface ServerMessage permits Welcome, Snapshot, Delta, Ping, Pong, ErrorMessage, GameMessage,
        Redirect, Notice {
}
