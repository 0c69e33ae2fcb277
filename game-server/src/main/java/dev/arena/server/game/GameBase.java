package dev.arena.server.game;

import dev.arena.server.protocol.Input;

/**
 * A starting point for a game: it keeps the {@link GameContext} and the
 * {@link World}, and ignores inputs, messages and ticks until the game
 * overrides them, so a turn-based game writes only {@code info},
 * {@code onJoin}, {@code onLeave} and {@code onMessage}.
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
