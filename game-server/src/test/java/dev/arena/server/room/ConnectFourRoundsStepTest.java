package dev.arena.server.room;

import dev.arena.server.game.connect4.ConnectFourMessages;
import org.junit.jupiter.api.Test;

import static dev.arena.server.game.connect4.ConnectFourGame.COLOR;
import static dev.arena.server.game.connect4.ConnectFourGame.FINISHED;
import static dev.arena.server.game.connect4.ConnectFourGame.FOUR_IN_A_ROW;
import static dev.arena.server.game.connect4.ConnectFourGame.MOVES;
import static dev.arena.server.game.connect4.ConnectFourGame.OPPONENT_LEFT;
import static dev.arena.server.game.connect4.ConnectFourGame.PHASE;
import static dev.arena.server.game.connect4.ConnectFourGame.PLAYING;
import static dev.arena.server.game.connect4.ConnectFourGame.RED;
import static dev.arena.server.game.connect4.ConnectFourGame.RESULT;
import static dev.arena.server.game.connect4.ConnectFourGame.ROUND;
import static dev.arena.server.game.connect4.ConnectFourGame.TIME_RAN_OUT;
import static dev.arena.server.game.connect4.ConnectFourGame.TURN;
import static dev.arena.server.game.connect4.ConnectFourGame.TURN_ENDS_AT_TICK;
import static dev.arena.server.game.connect4.ConnectFourGame.WAITING;
import static dev.arena.server.game.connect4.ConnectFourGame.WANTS_REMATCH;
import static dev.arena.server.game.connect4.ConnectFourGame.WINNER;
import static dev.arena.server.game.connect4.ConnectFourGame.WINS;
import static dev.arena.server.game.connect4.ConnectFourGame.YELLOW;
import static dev.arena.server.room.ConnectFourTable.discs;
import static dev.arena.server.room.ConnectFourTable.match;
import static dev.arena.server.room.ConnectFourTable.rejections;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What happens between and around Connect Four games, stepped by hand: the
 * rematch (both ask, the board clears, the other colour opens, wins are
 * kept), a player who leaves (a game in play is lost, the seat waits for a
 * new opponent) and the turn clock (running out of time loses).
 */
class ConnectFourRoundsStepTest {
    /** Red wins in column 0 on the 7th move. */
    private static final int[] RED_WINS = {0, 1, 0, 1, 0, 1, 0};

    private final RecordingChannel ann = new RecordingChannel();
    private final RecordingChannel bob = new RecordingChannel();
    private ConnectFourTable table;
    private int annId;
    private int bobId;

    private void seat(int turnSeconds) {
        table = new ConnectFourTable(turnSeconds);
        annId = table.join("ann", ann);
        bobId = table.join("bob", bob);
        table.step();
    }

    private void rematch(int playerId) {
        table.send(playerId, ConnectFourMessages.REMATCH, new byte[0]);
        table.step();
    }

    @Test
    void aRematchStartsWhenBothAskOnAClearBoardWithTheOtherColourFirstAndTheWinsKept() {
        seat(60);
        table.play(annId, bobId, RED_WINS);
        assertThat(match(bob, WINNER)).isEqualTo(RED);

        rematch(bobId);
        assertThat(bob.world.get(bobId).fields()[WANTS_REMATCH]).as("shown to both").isEqualTo(1);
        assertThat(ann.world.get(bobId).fields()[WANTS_REMATCH]).isEqualTo(1);
        assertThat(match(ann, PHASE)).as("one asked: still over").isEqualTo(FINISHED);
        rematch(bobId);
        assertThat(match(ann, PHASE)).as("asking twice is asking once").isEqualTo(FINISHED);

        rematch(annId);
        assertThat(match(ann, PHASE)).isEqualTo(PLAYING);
        assertThat(match(ann, ROUND)).isEqualTo(2);
        assertThat(match(ann, TURN)).as("yellow opens the second game").isEqualTo(YELLOW);
        assertThat(match(ann, MOVES)).isZero();
        assertThat(match(ann, WINNER)).isZero();
        assertThat(discs(ann)).isEmpty();
        assertThat(discs(bob)).isEmpty();
        assertThat(ann.world.get(annId).fields()[WINS]).isEqualTo(1);
        assertThat(ann.world.get(bobId).fields()[WANTS_REMATCH]).isZero();
        assertThat(table.room.metadata()).containsEntry("state", "playing");

        table.play(bobId, annId, RED_WINS);
        assertThat(match(ann, WINNER)).isEqualTo(YELLOW);
        assertThat(ann.world.get(bobId).fields()[WINS]).isEqualTo(1);
        assertThat(rejections(ann)).isEmpty();
        assertThat(rejections(bob)).isEmpty();
    }

    @Test
    void aPlayerWhoLeavesAGameInPlayLosesItAndTheSeatWaitsForANewOpponent() {
        seat(60);
        table.play(annId, bobId, 3, 3, 4);
        table.room.leave(annId);
        table.step();
        assertThat(bob.world.get(annId)).isNull();
        assertThat(match(bob, WINNER)).isEqualTo(YELLOW);
        assertThat(match(bob, RESULT)).isEqualTo(OPPONENT_LEFT);
        assertThat(match(bob, PHASE)).isEqualTo(WAITING);
        assertThat(bob.world.get(bobId).fields()[WINS]).isEqualTo(1);
        assertThat(discs(bob)).as("the last position stays until the next game").hasSize(3);
        assertThat(table.room.metadata()).containsEntry("state", "waiting");

        RecordingChannel cat = new RecordingChannel();
        int catId = table.join("cat", cat);
        table.step();
        assertThat(cat.world.get(catId).fields()[COLOR]).as("the free colour").isEqualTo(RED);
        assertThat(match(cat, PHASE)).isEqualTo(PLAYING);
        assertThat(match(cat, ROUND)).isEqualTo(2);
        assertThat(match(cat, TURN)).isEqualTo(YELLOW);
        assertThat(discs(cat)).isEmpty();
        assertThat(cat.world.get(catId).fields()[WINS]).as("a new opponent starts at 0").isZero();
        table.move(bobId, 2);
        assertThat(discs(cat)).hasSize(1);
    }

    @Test
    void aPlayerWhoLeavesAfterTheGameCostsNothingAndTheRematchRequestIsDropped() {
        seat(60);
        table.play(annId, bobId, RED_WINS);
        rematch(bobId);
        table.room.leave(annId);
        table.step();
        assertThat(match(bob, RESULT)).as("the game was already won").isEqualTo(FOUR_IN_A_ROW);
        assertThat(match(bob, WINNER)).isEqualTo(RED);
        assertThat(match(bob, PHASE)).isEqualTo(WAITING);
        assertThat(bob.world.get(bobId).fields()[WINS]).isZero();
        assertThat(bob.world.get(bobId).fields()[WANTS_REMATCH]).isZero();
        rematch(bobId);
        assertThat(rejections(bob)).hasSize(1);
    }

    @Test
    void aPlayerWhoseTimeRunsOutLosesAndEachMoveRestartsTheClock() {
        seat(2);
        long deadline = match(ann, TURN_ENDS_AT_TICK);
        assertThat(deadline).as("2 s = 8 steps from the first step of the game").isEqualTo(table.tick() + 8);
        table.move(annId, 3);
        assertThat((long) match(ann, TURN_ENDS_AT_TICK)).isEqualTo(table.tick() + 8);

        long before = table.tick();
        while (match(ann, PHASE) == PLAYING && table.tick() < before + 20) {
            table.step();
        }
        assertThat(table.tick()).as("yellow's 8 steps ran out on the 8th").isEqualTo(before + 8);
        assertThat(match(ann, RESULT)).isEqualTo(TIME_RAN_OUT);
        assertThat(match(ann, WINNER)).isEqualTo(RED);
        assertThat(match(ann, TURN_ENDS_AT_TICK)).isZero();
        assertThat(ann.world.get(annId).fields()[WINS]).isEqualTo(1);
    }

    @Test
    void withoutATimeLimitATurnLastsForever() {
        seat(0);
        assertThat(match(ann, TURN_ENDS_AT_TICK)).isZero();
        for (int i = 0; i < 100; i++) {
            table.step();
        }
        assertThat(match(ann, PHASE)).isEqualTo(PLAYING);
        assertThat(match(ann, TURN)).isEqualTo(RED);
    }
}
