package dev.arena.server.game;

import java.util.random.RandomGenerator;

/**
 * A game's handle on its room, given to it at creation: its replicated
 * {@link World}, its settings, and the ways to talk to players besides the
 * state. Everything here is the room's thread only, like the game's own calls,
 * and never blocks: messages are queued and written after the next state
 * update (so a message never arrives before the state it speaks of).
 */
public interface GameContext {
    /** The replicated state: what the game writes here reaches every client. */
    World world();

    /** The room's random source. */
    RandomGenerator random();

    /** The game's validated settings (its declared keys, with the operator's overrides). */
    SettingValues settings();

    /** The room's id, as clients see it in WELCOME and {@code GET /api/rooms}. */
    String roomId();

    /** Simulation steps per second: {@code dt} of every tick is its inverse. */
    int tickHz();

    /** Whether the room is private (joined only with its code, not listed). */
    boolean privateRoom();

    /**
     * Sends a MESSAGE to one player. A player that has left is skipped, and
     * so is one whose connection dropped while its seat is held (between
     * {@link Game#onDisconnect} and {@link Game#onReconnect}). From
     * {@link Game#onJoin}, the player being seated may be addressed by the id
     * the call returns.
     *
     * @param payload the game's bytes; the frame must fit in {@code http.maxFrameBytes}
     * @throws IllegalArgumentException for a type outside 0..65535 or a payload too large
     */
    void send(int playerId, int type, byte[] payload);

    /**
     * Sends a MESSAGE to every player and spectator of the room, encoded
     * once; players whose seat is held after a drop are skipped.
     *
     * @throws IllegalArgumentException as {@link #send}
     */
    void broadcast(int type, byte[] payload);

    /**
     * Sets (or with null removes) one entry of the room's metadata, which
     * {@code GET /api/rooms} lists and filters on ({@code ?mode=teams}).
     * Small by contract: at most {@value RoomMetadataRules#MAX_ENTRIES}
     * entries, keys of up to {@value RoomMetadataRules#MAX_KEY_CHARS} letters,
     * digits or {@code _}, values of up to
     * {@value RoomMetadataRules#MAX_VALUE_CHARS} printable chars.
     *
     * @throws IllegalArgumentException for a key or value outside these rules
     */
    void setMetadata(String key, String value);
}
