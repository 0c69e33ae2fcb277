package dev.arena.loadtest;

import dev.arena.server.game.connect4.ConnectFourMessages;
import dev.arena.server.game.connect4.ConnectFourMessages.Rejection;
import dev.arena.server.protocol.EntityRecord;
import dev.arena.server.protocol.GameMessage;
import dev.arena.server.protocol.PayloadReader;
import dev.arena.server.state.ReplicatedWorld;

import java.util.SplittableRandom;

import static dev.arena.server.game.connect4.ConnectFourGame.COLOR;
import static dev.arena.server.game.connect4.ConnectFourGame.COLUMN;
import static dev.arena.server.game.connect4.ConnectFourGame.COLUMNS;
import static dev.arena.server.game.connect4.ConnectFourGame.FINISHED;
import static dev.arena.server.game.connect4.ConnectFourGame.KIND_DISC;
import static dev.arena.server.game.connect4.ConnectFourGame.KIND_MATCH;
import static dev.arena.server.game.connect4.ConnectFourGame.MOVES;
import static dev.arena.server.game.connect4.ConnectFourGame.PHASE;
import static dev.arena.server.game.connect4.ConnectFourGame.PLAYING;
import static dev.arena.server.game.connect4.ConnectFourGame.ROUND;
import static dev.arena.server.game.connect4.ConnectFourGame.ROWS;
import static dev.arena.server.game.connect4.ConnectFourGame.TURN;

/**
 * A Connect Four player: on its turn (as the state it holds says) it drops
 * one disc in a random column that is not full, and once a game is over it
 * asks for a rematch, once per game. Between turns it sends nothing: a
 * turn-based game's bots are quiet most of the time.
 *
 * <p>Latency is measured per move: from writing the MOVE to the first state
 * update that shows it (the match's move count passed it). The game applies
 * moves at its next step, every 1 / {@code connect4.tickHz}. A bot answers
 * the update that gives it the turn within one {@code --input-hz} period,
 * which is itself sent right after a step, so its move waits for most of the
 * next step: at 4 Hz expect a median near 250 ms minus that reaction, where a
 * person, moving at a moment unrelated to the steps, waits half a step on
 * average. The reaction itself is thinking, not latency, and is not counted.
 * A refusal means the bot and the server disagree about the board: an error
 * (except the two that a leave racing a bot's message explains).
 */
final class ConnectFourBot implements BotBehaviour {
    /** A game has at most 42 moves, so round * 64 + moves increases with every move of a room. */
    private static final int MOVES_PER_ROUND = 64;

    private final SplittableRandom random;
    /** The {@link #progress} at which this bot last moved: one move per turn, whatever the act rate. */
    private int movedAt = -1;
    private int rematchAskedInRound = -1;

    ConnectFourBot(SplittableRandom random) {
        this.random = random;
    }

    @Override
    public void act(BotActions bot) {
        ReplicatedWorld world = bot.world();
        EntityRecord match = match(world);
        EntityRecord me = world.get(bot.playerId());
        if (match == null || me == null) {
            return;
        }
        int[] m = match.fields();
        int progress = progress(m);
        if (m[PHASE] == PLAYING && m[TURN] == me.fields()[COLOR] && progress != movedAt) {
            movedAt = progress;
            bot.message(ConnectFourMessages.MOVE, ConnectFourMessages.move(randomOpenColumn(world)), progress + 1);
        } else if (m[PHASE] == FINISHED && m[ROUND] != rematchAskedInRound) {
            rematchAskedInRound = m[ROUND];
            bot.message(ConnectFourMessages.REMATCH, new byte[0]);
        }
    }

    @Override
    public int acknowledgedSeq(ReplicatedWorld world, int playerId) {
        EntityRecord match = match(world);
        return match == null ? NO_ACK : progress(match.fields());
    }

    @Override
    public void onMessage(BotActions bot, GameMessage message) {
        if (message.type() != ConnectFourMessages.REJECTED) {
            return;
        }
        PayloadReader in = new PayloadReader(message.payload());
        int reason = in.varint();
        // "Not started" and "no rematch now" answer a move or rematch that crossed the opponent's leave (a
        // run's end closes the two bots of a room one after the other): a race, not a disagreement.
        if (reason != Rejection.WAITING.code && reason != Rejection.REMATCH_NOT_NOW.code) {
            bot.refused("connect4 refused a move: reason " + reason + ", " + in.string(500, "text"));
        }
    }

    @Override
    public String latencyOf() {
        return "move";
    }

    @Override
    public String latencyNote() {
        return "from a MOVE to the first update showing its disc; the game applies moves at its next step"
                + " (every 1 / connect4.tickHz) and a bot moves right after the update that gives it the turn,"
                + " so most of a step is spent waiting by design (a person's move waits half a step on average);"
                + " bots send moves only on their turn, so there are few samples";
    }

    private static int progress(int[] match) {
        return match[ROUND] * MOVES_PER_ROUND + match[MOVES];
    }

    private int randomOpenColumn(ReplicatedWorld world) {
        int[] discs = new int[COLUMNS];
        for (EntityRecord e : world.entities()) {
            if (e.kind() == KIND_DISC) {
                discs[e.fields()[COLUMN]]++;
            }
        }
        int open = 0;
        for (int n : discs) {
            open += n < ROWS ? 1 : 0;
        }
        // A game in play always has an open column: a full board ends it.
        int pick = random.nextInt(open);
        for (int c = 0; c < discs.length; c++) {
            if (discs[c] < ROWS && pick-- == 0) {
                return c;
            }
        }
        throw new IllegalStateException("no open column on a board in play");
    }

    private static EntityRecord match(ReplicatedWorld world) {
        for (EntityRecord e : world.entities()) {
            if (e.kind() == KIND_MATCH) {
                return e;
            }
        }
        return null;
    }
}
