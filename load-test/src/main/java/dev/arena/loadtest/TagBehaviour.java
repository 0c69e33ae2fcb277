package dev.arena.loadtest;

import dev.arena.server.game.tag.TagGame;
import dev.arena.server.protocol.EntityRecord;
import dev.arena.server.state.ReplicatedWorld;

import java.util.SplittableRandom;

/**
 * A bot playing the tag game (docs/GAMES.md): when it is it, it chases the
 * nearest opponent who is not; when an opposing it comes near, it flees,
 * veering to one side (its own, picked at random) so it circles away rather
 * than running straight into a wall; otherwise it wanders like the arena's
 * bots. It sends an INPUT every period either way, and the server echoes
 * the seq in the player's lastSeq, so input latency is measured as in the
 * arena.
 */
final class TagBehaviour implements BotBehaviour {
    /** An opposing it closer than this (in quantized units: 300 world units at positionScale 4) is fled from. */
    private static final double FLEE_DISTANCE = 1200;

    private final BotBehaviours.Steering wander;
    private final double veer;
    private float dx;
    private float dy;

    TagBehaviour(int inputHz, SplittableRandom random) {
        this.wander = new BotBehaviours.Steering(inputHz, random, TagGame.FIELD_LAST_SEQ);
        this.veer = random.nextBoolean() ? 0.6 : -0.6;
    }

    @Override
    public void act(BotActions bot) {
        EntityRecord me = bot.world().get(bot.playerId());
        if (me == null || me.fields().length <= TagGame.FIELD_FROZEN || !aim(bot.world(), me)) {
            wander.act(bot);
            return;
        }
        bot.steer(dx, dy, 0);
    }

    /** Sets the direction to chase or flee; false when there is nobody to chase or flee from. */
    private boolean aim(ReplicatedWorld world, EntityRecord me) {
        boolean it = me.fields()[TagGame.FIELD_IT] == 1;
        EntityRecord nearest = null;
        double best = Double.MAX_VALUE;
        for (EntityRecord e : world.entities()) {
            int[] f = e.fields();
            // An it chases runners of the other team; a runner minds the other team's its.
            if (e.kind() != TagGame.KIND_PLAYER || f[TagGame.FIELD_TEAM] == me.fields()[TagGame.FIELD_TEAM]
                    || (f[TagGame.FIELD_IT] == 1) == it) {
                continue;
            }
            double d = Math.hypot(f[TagGame.FIELD_X] - me.fields()[TagGame.FIELD_X], f[TagGame.FIELD_Y] - me.fields()[TagGame.FIELD_Y]);
            if (d < best) {
                best = d;
                nearest = e;
            }
        }
        if (nearest == null || (!it && best > FLEE_DISTANCE) || best == 0) {
            return false;
        }
        double x = (nearest.fields()[TagGame.FIELD_X] - me.fields()[TagGame.FIELD_X]) / best;
        double y = (nearest.fields()[TagGame.FIELD_Y] - me.fields()[TagGame.FIELD_Y]) / best;
        if (!it) {
            // Away, and to one side.
            double awayX = -x - veer * y;
            double awayY = -y + veer * x;
            double length = Math.hypot(awayX, awayY);
            x = awayX / length;
            y = awayY / length;
        }
        dx = (float) x;
        dy = (float) y;
        return true;
    }

    @Override
    public int acknowledgedSeq(ReplicatedWorld world, int playerId) {
        return wander.acknowledgedSeq(world, playerId);
    }
}
