package dev.arena.server.game;

import dev.arena.server.protocol.Input;

/**
 * A starting point for a game: it keeps the {@link GameContext} and the
 * {@link World}, and ignores inputs, messages and ticks until the game
 * overrides them, so a turn-based game writes only {@code info},
 * {@code onJoin}, {@code onLeave} and {@code onMessage}. A dropped player's
 * {@link #onDisconnect} and {@link #onReconnect} change nothing unless the
 * game overrides them: its entity stays as it is while its seat is held.
 */
public abstract class GameBase implements Game {
    protected final GameContext context;
    protected final World world;

    protected GameBase(GameContext context) {
        this.context = context;
        this.world = context.world();
    }

    /** Ignores inputs: a game without steering needs none. */
    @Override
    public void onInput(int playerId, Input input) {
    }

    /** Does nothing: the player's entity stays as it is while its seat is held. */
    @Override
    public void onDisconnect(int playerId) {
    }

    /** Does nothing: the player is back with the same id and entity. */
    @Override
    public void onReconnect(int playerId) {
    }

    /** Does nothing: an event-driven game changes its state in its other calls. */
    @Override
    public void tick(long tick, double dt) {
    }

    /** {@link GameContext#send}, shorter. */
    protected void send(int playerId, int type, byte[] payload) {
        context.send(playerId, type, payload);
    }

    /** {@link GameContext#broadcast}, shorter. */
    protected void broadcast(int type, byte[] payload) {
        context.broadcast(type, payload);
    }
}
