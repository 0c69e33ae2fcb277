package dev.arena.server.protocol;

/** LEAVE: leave the room and go back to the lobby. It has no fields. */
public record Leave() implements ClientMessage {
    public static final Leave INSTANCE = new Leave();
}
