package dev.arena.server.game;

import dev.arena.server.protocol.Input;
import dev.arena.server.protocol.PayloadReader;

/**
 * The rules of one room's game: what a game developer writes. The server
 * owns connections, timing, input queues and replication; a game only reacts
 * to these calls and writes its state into the {@link World} it was created
 * with, and talks to players through its {@link GameContext}. It sees
 * neither Vert.x nor sockets. {@link GameBase} gives no-op defaults for a
 * game that needs neither inputs nor a tick, and {@link GameDefinition}
 * registers a game with the server.
 *
 * <p>Calls come from one thread, one at a time, in this order per tick: the
 * inputs and messages that arrived since the last tick, in arrival order
 * ({@link #onInput}, {@link #onMessage}), then {@link #tick}. {@link #onJoin},
 * {@link #onLeave}, {@link #onDisconnect} and {@link #onReconnect} come
 * between ticks. Anything thrown from any call (an exception, or an error
 * such as {@link StackOverflowError} or {@link AssertionError}) stops this
 * room (its players are told the room closed) and no other, except a
 * {@link dev.arena.server.protocol.ProtocolException} from {@link #onMessage},
 * which closes only the sender; so does a call that has not returned after
 * {@code room.failTickMillis}. An exception from the {@link #visibility()}
 * rule, which the room asks on every send tick, stops the room too.
 *
 * <p>A player's life: {@code onJoin}, then any number of
 * {@code onDisconnect}/{@code onReconnect} pairs (its connection dropped and
 * it came back within {@code room.reconnectGraceMillis}, with the same id),
 * then {@code onLeave} exactly once: it left, its grace window ended while
 * disconnected, or (after {@code onDisconnect}) it never came back.
 * Spectators hold no seat: they are neither joined nor left through these
 * calls, and a spectator whose connection drops is simply gone.
 */
public interface Game {
    /** Static facts about the world, sent to every player that joins. */
    GameInfo info();

    /**
     * A player joins. Spawn the player's entity and return its id: the client
     * is told this id as its own player.
     *
     * @param name the player's display name, already validated
     */
    int onJoin(String name);

    /**
     * The player is gone for good (LEAVE, or its grace window ended while
     * disconnected); despawn what belongs to it.
     */
    void onLeave(int playerId);

    /**
     * The player's connection dropped; its seat is held for the grace window
     * and it receives no updates meanwhile. Its entity stays in the world
     * (everybody else keeps seeing it) until {@link #onReconnect} or
     * {@link #onLeave}: freeze it, ghost it or keep simulating it, as the game
     * likes. No input or MESSAGE arrives from it in between, and a MESSAGE
     * the game sends it meanwhile is dropped ({@link GameContext#send} counts
     * no recipient).
     */
    default void onDisconnect(int playerId) {
    }

    /** The player came back after {@link #onDisconnect}, with the same id, entity and score. */
    default void onReconnect(int playerId) {
    }

    /**
     * An input of a player, applied before the next {@link #tick}.
     *
     * <p>{@code input} holds the INPUT's values exactly as the server decoded
     * them (a plain immutable record, no bytes), made for this call: the
     * values travel from the decoder through the room's queue without an
     * object, and a game that only reads the record, as the built-in ones
     * do, lets the JIT keep it off the heap. Its direction is finite (a NaN
     * or infinite one closes the sender's connection) but may be longer
     * than 1: scale it down.
     */
    void onInput(int playerId, Input input);

    /**
     * A game MESSAGE from a player (PROTOCOL.md "MESSAGE"), applied before
     * the next {@link #tick} in arrival order with the inputs. The type is
     * whatever the client sent: declare the ones the game knows
     * ({@link GameDefinition.Builder#messageType}) and ignore the rest. Read
     * the payload with a {@link PayloadReader}: a malformed payload throws
     * its {@link dev.arena.server.protocol.ProtocolException}, which closes
     * the sender's connection and leaves the room running. Spectators cannot
     * send messages. The default ignores every message.
     *
     * @param payload the client's bytes, at most {@code http.maxFrameBytes}; the game's to keep
     */
    default void onMessage(int playerId, int type, byte[] payload) {
    }

    /**
     * Advances the simulation by one fixed step.
     *
     * @param tick the number of this step, counting from 1
     * @param dt   the step's length in seconds (always 1 / tick rate)
     */
    void tick(long tick, double dt);

    /**
     * What each player sees (docs/GAMES.md, "Visibility"); asked once, when
     * the room starts. The default, {@link Visibility#everything()}, sends
     * every entity to every player.
     */
    default Visibility visibility() {
        return Visibility.everything();
    }
}
