package dev.arena.server.game.tag;

import dev.arena.server.game.World;

/**
 * The round's clock and its replicated entity (kind {@value TagGame#KIND_ROUND},
 * no label, fields phase, secondsLeft, round, winner). Time is counted in
 * ticks, so a round lasts exactly {@code roundSeconds * tickHz} steps; the
 * entity shows whole seconds (rounded up), so it changes once a second.
 */
public final class TagRound {
    /** Fewer than two players: no clock, no tags. */
    public static final int WAITING = 0;
    public static final int PLAYING = 1;
    /** The break after a round: the result is shown, no tags. */
    public static final int OVER = 2;
    public static final int FIELD_PHASE = 0;
    public static final int FIELD_SECONDS_LEFT = 1;
    public static final int FIELD_ROUND = 2;
    /** The winning team once a round is over; -1 while playing, or for a draw. */
    public static final int FIELD_WINNER = 3;

    private final World world;
    private final int tickHz;
    private final int entity;
    private int phase = WAITING;
    private int ticksLeft;
    private int round;

    TagRound(World world, int tickHz) {
        this.world = world;
        this.tickHz = tickHz;
        this.entity = world.spawn(TagGame.KIND_ROUND, null, 4);
        stop();
    }

    int phase() {
        return phase;
    }

    int number() {
        return round;
    }

    /** Starts the next round, {@code seconds} long. */
    void start(int seconds) {
        round++;
        enter(PLAYING, seconds * tickHz, -1);
    }

    /** Ends the round with its winner (-1: a draw) and a break of {@code seconds}. */
    void end(int winner, int seconds) {
        enter(OVER, seconds * tickHz, winner);
    }

    void stop() {
        enter(WAITING, 0, -1);
    }

    /** One step of the clock; true when the phase's time ran out at this step. */
    boolean countDown() {
        if (phase == WAITING || ticksLeft == 0) {
            return false;
        }
        ticksLeft--;
        world.set(entity, FIELD_SECONDS_LEFT, (ticksLeft + tickHz - 1) / tickHz);
        return ticksLeft == 0;
    }

    private void enter(int newPhase, int ticks, int winner) {
        phase = newPhase;
        ticksLeft = ticks;
        world.set(entity, FIELD_SECONDS_LEFT, (ticks + tickHz - 1) / tickHz);
        world.set(entity, FIELD_PHASE, phase);
        world.set(entity, FIELD_ROUND, round);
        world.set(entity, FIELD_WINNER, winner);
    }
}
