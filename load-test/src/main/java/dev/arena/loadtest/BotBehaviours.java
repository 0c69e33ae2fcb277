package dev.arena.loadtest;

import dev.arena.server.game.arena.ArenaGame;
import dev.arena.server.game.connect4.ConnectFourGame;
import dev.arena.server.protocol.EntityRecord;
import dev.arena.server.state.ReplicatedWorld;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * The bot behaviour of each game, by the name WELCOME gives. A game whose
 * bots need their own (a board game's moves, say) adds a line to
 * {@link #BY_GAME}; any other game's bots steer at random like the arena's,
 * without measuring input latency (they cannot know where the game echoes a
 * seq).
 */
final class BotBehaviours {
    /** Game name -> behaviour of one bot, given its --input-hz and random source. */
    private static final Map<String, BiFunction<Integer, SplittableRandom, BotBehaviour>> BY_GAME = Map.of(
            "arena", (inputHz, random) -> new Steering(inputHz, random, ArenaGame.FIELD_LAST_SEQ),
            "tag", TagBehaviour::new,
            ConnectFourGame.DEFINITION.name(), (inputHz, random) -> new ConnectFourBot(random));

    private BotBehaviours() {
    }

    static BotBehaviour forGame(String game, int inputHz, SplittableRandom random) {
        var make = BY_GAME.get(game);
        return make != null ? make.apply(inputHz, random) : new Steering(inputHz, random, -1);
    }

    /**
     * The arena-bench player (BENCHMARK.md): an INPUT every period with a unit
     * direction that changes at random about once a second; the server echoes
     * the last applied seq in the player's {@code ackField}.
     */
    static final class Steering implements BotBehaviour {
        private final int inputHz;
        private final SplittableRandom random;
        private final int ackField;
        private float dx;
        private float dy;

        /** @param ackField the player field holding the last applied seq, or -1 for none */
        Steering(int inputHz, SplittableRandom random, int ackField) {
            this.inputHz = inputHz;
            this.random = random;
            this.ackField = ackField;
            turn();
        }

        @Override
        public void act(BotActions bot) {
            if (random.nextInt(inputHz) == 0) {
                turn();
            }
            bot.steer(dx, dy, 0);
        }

        @Override
        public boolean measuresLatency() {
            return ackField >= 0;
        }

        @Override
        public boolean needsWorld() {
            return false;
        }

        @Override
        public int ackField() {
            return ackField;
        }

        @Override
        public int acknowledgedSeq(ReplicatedWorld world, int playerId) {
            EntityRecord me = world.get(playerId);
            return ackField < 0 || me == null || me.fields().length <= ackField ? NO_ACK : me.fields()[ackField];
        }

        /** A new unit direction, uniformly at random. */
        private void turn() {
            double angle = random.nextDouble() * 2 * Math.PI;
            dx = (float) Math.cos(angle);
            dy = (float) Math.sin(angle);
        }
    }
}
