package dev.arena.loadtest;

import dev.arena.server.protocol.GameMessage;
import dev.arena.server.state.ReplicatedWorld;

/**
 * What a bot does in one game, beside what every bot does (connect, join,
 * answer PINGs, rebuild the state): how it plays, and how it knows the server
 * applied its inputs, which is what input latency is measured by. Chosen by
 * the game the WELCOME names ({@link BotBehaviours}); a game adds its own
 * there. Runs on the bot's event loop.
 */
interface BotBehaviour {
    /** {@link #acknowledgedSeq} of a game with no acknowledged inputs: no input latency is measured. */
    int NO_ACK = Integer.MIN_VALUE;

    /** Called every {@code 1000 / --input-hz} ms while playing: send what the game expects, or nothing. */
    void act(BotActions bot);

    /**
     * After each state update: the seq of the newest input the server has
     * applied for this bot's player, or {@link #NO_ACK}.
     *
     * @return {@link #NO_ACK} too when the player is not in the state (yet)
     */
    int acknowledgedSeq(ReplicatedWorld world, int playerId);

    /** Whether {@link #acknowledgedSeq} ever answers: a run of a game whose bots measure no latency is clean without. */
    default boolean measuresLatency() {
        return true;
    }

    /**
     * Whether {@link #act} and {@link #acknowledgedSeq} look at the state
     * beyond the bot's own player. A behaviour that does not gets
     * {@link BotActions#world()} empty: its bot keeps only its own player
     * ({@link LightReplica}), unless the run asks for the whole state
     * ({@code --full-state}), and reads the acknowledged seq from
     * {@link #ackField()}.
     */
    default boolean needsWorld() {
        return true;
    }

    /**
     * The field of the bot's own player that holds the last input seq the
     * server applied, for a behaviour that does not need the world; -1 when
     * there is none (no latency is measured).
     */
    default int ackField() {
        return -1;
    }

    /** A game MESSAGE from the server. Ignored unless the game's bots react to messages. */
    default void onMessage(BotActions bot, GameMessage message) {
    }

    /**
     * What the measured latency is the latency of, as the report names it:
     * {@code input} for a game steered by INPUTs, or the game's own word (a
     * board game's {@code move}).
     */
    default String latencyOf() {
        return "input";
    }

    /** One sentence for the report on what the latency includes, when the word alone would mislead; else null. */
    default String latencyNote() {
        return null;
    }

    /** What a behaviour may do: send an INPUT or a game MESSAGE, look at the state. */
    interface BotActions {
        /** Sends an INPUT with the next seq; its latency is measured when {@link #acknowledgedSeq} reaches it. */
        void steer(float dx, float dy, int buttons);

        /** Sends a game MESSAGE. */
        void message(int type, byte[] payload);

        /**
         * Sends a game MESSAGE whose effect the state will show: its latency is
         * measured, like an input's, until {@link #acknowledgedSeq} reaches
         * {@code ackSeq} (which must increase from one such message to the next).
         */
        void message(int type, byte[] payload, int ackSeq);

        /**
         * The game refused what this bot sent (a board game's illegal move):
         * counted as an error, since a bot that plays by the rules is never
         * refused, with {@code why} among the run's first failures.
         */
        void refused(String why);

        /** The state as the bot rebuilt it; empty unless the behaviour {@link BotBehaviour#needsWorld needs it} (or the run keeps it). */
        ReplicatedWorld world();

        /** The bot's own entity id (0 before WELCOME). */
        int playerId();
    }
}
