package dev.arena.server.room;

import dev.arena.server.game.connect4.ConnectFourMessages;
import dev.arena.server.game.connect4.ConnectFourMessages.Rejection;
import dev.arena.server.protocol.CloseCodes;
import dev.arena.server.protocol.EntityRecord;
import dev.arena.server.protocol.GameMessage;
import dev.arena.server.protocol.PayloadWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static dev.arena.server.game.connect4.ConnectFourGame.COLOR;
import static dev.arena.server.game.connect4.ConnectFourGame.COLUMN;
import static dev.arena.server.game.connect4.ConnectFourGame.DISC_COLOR;
import static dev.arena.server.game.connect4.ConnectFourGame.DRAW;
import static dev.arena.server.game.connect4.ConnectFourGame.FINISHED;
import static dev.arena.server.game.connect4.ConnectFourGame.FOUR_IN_A_ROW;
import static dev.arena.server.game.connect4.ConnectFourGame.MOVES;
import static dev.arena.server.game.connect4.ConnectFourGame.PHASE;
import static dev.arena.server.game.connect4.ConnectFourGame.PLAYING;
import static dev.arena.server.game.connect4.ConnectFourGame.RED;
import static dev.arena.server.game.connect4.ConnectFourGame.RESULT;
import static dev.arena.server.game.connect4.ConnectFourGame.ROW;
import static dev.arena.server.game.connect4.ConnectFourGame.TURN;
import static dev.arena.server.game.connect4.ConnectFourGame.WAITING;
import static dev.arena.server.game.connect4.ConnectFourGame.WINNER;
import static dev.arena.server.game.connect4.ConnectFourGame.WINNING;
import static dev.arena.server.game.connect4.ConnectFourGame.WINS;
import static dev.arena.server.game.connect4.ConnectFourGame.YELLOW;
import static dev.arena.server.room.ConnectFourTable.discs;
import static dev.arena.server.room.ConnectFourTable.match;
import static dev.arena.server.room.ConnectFourTable.rejections;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connect Four's rules in a real room, stepped by hand: seating and turn
 * order, a win in each direction, a draw, every kind of refused move (told to
 * the sender alone, the board unchanged). Rematches, leaves and the turn
 * clock are {@link ConnectFourRoundsStepTest}'s.
 */
class ConnectFourStepTest {
    /** 42 moves, red first, that fill the board with no four in a line anywhere. */
    static final int[] DRAWN_GAME = {1, 1, 4, 2, 3, 3, 4, 2, 2, 5, 6, 2, 3, 4, 2, 4, 6, 5, 1, 0, 1, 5, 3, 4, 4, 1, 1,
            6, 2, 6, 6, 6, 0, 0, 3, 0, 5, 3, 0, 0, 5, 5};

    private ConnectFourTable table;
    private final RecordingChannel ann = new RecordingChannel();
    private final RecordingChannel bob = new RecordingChannel();
    private int annId;
    private int bobId;

    @BeforeEach
    void seatAnnAlone() {
        table = new ConnectFourTable(60);
        annId = table.join("ann", ann);
        table.step();
    }

    private void seatBob() {
        bobId = table.join("bob", bob);
        table.step();
    }

    @Test
    void theFirstPlayerWaitsAndTheSecondStartsTheGameWithRedToMove() {
        assertThat(match(ann, PHASE)).isEqualTo(WAITING);
        assertThat(table.room.metadata()).containsEntry("state", "waiting");
        assertThat(ann.welcome.worldWidth()).as("the board is the world").isEqualTo(7);
        assertThat(ann.welcome.worldHeight()).isEqualTo(6);
        assertThat(ann.welcome.params()).containsEntry("turnSeconds", 60f).containsEntry("columns", 7f);

        seatBob();
        assertThat(ann.world.get(annId).fields()[COLOR]).isEqualTo(RED);
        assertThat(bob.world.get(bobId).fields()[COLOR]).isEqualTo(YELLOW);
        assertThat(match(bob, PHASE)).isEqualTo(PLAYING);
        assertThat(match(bob, TURN)).isEqualTo(RED);
        assertThat(table.room.metadata()).containsEntry("state", "playing");
    }

    @Test
    void aDiscFallsToTheLowestFreeRowAndTheTurnPassesToTheOther() {
        seatBob();
        table.move(annId, 3);
        assertThat(match(bob, TURN)).isEqualTo(YELLOW);
        table.move(bobId, 3);
        table.move(annId, 4);
        assertThat(discs(bob)).extracting(d -> Arrays.toString(new int[] {d.fields()[COLUMN], d.fields()[ROW],
                d.fields()[DISC_COLOR]})).containsExactly("[3, 0, 1]", "[3, 1, 2]", "[4, 0, 1]");
        assertThat(match(ann, MOVES)).isEqualTo(3);
        assertThat(match(ann, TURN)).isEqualTo(YELLOW);
        assertThat(rejections(ann)).isEmpty();
        assertThat(rejections(bob)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a row|red|0 0 1 1 2 2 3|0,0 1,0 2,0 3,0",
            "a column|red|0 1 0 1 0 1 0|0,0 0,1 0,2 0,3",
            "a rising diagonal|red|0 1 1 2 2 3 2 3 3 6 3|0,0 1,1 2,2 3,3",
            "a falling diagonal|red|6 5 5 4 4 3 4 3 3 0 3|6,0 5,1 4,2 3,3",
            "a row of yellow's|yellow|0 1 0 2 6 3 6 4|1,0 2,0 3,0 4,0",
            "five at once, joining two rows of two|red|0 0 1 1 3 3 4 4 2|0,0 1,0 2,0 3,0 4,0"})
    void fourInALineWinsAndItsDiscsAreMarked(String line, String winner, String moves, String winningCells) {
        seatBob();
        table.play(annId, bobId, Arrays.stream(moves.split(" ")).mapToInt(Integer::parseInt).toArray());

        int color = winner.equals("red") ? RED : YELLOW;
        int winnerId = color == RED ? annId : bobId;
        assertThat(match(bob, PHASE)).isEqualTo(FINISHED);
        assertThat(match(bob, RESULT)).isEqualTo(FOUR_IN_A_ROW);
        assertThat(match(bob, WINNER)).isEqualTo(color);
        assertThat(match(bob, TURN)).as("nobody's turn").isZero();
        assertThat(bob.world.get(winnerId).fields()[WINS]).isEqualTo(1);
        assertThat(discs(bob).stream().filter(d -> d.fields()[WINNING] == 1)
                .map(d -> d.fields()[COLUMN] + "," + d.fields()[ROW]))
                .containsExactlyInAnyOrder(winningCells.split(" "));
        assertThat(table.room.metadata()).containsEntry("state", "finished");
    }

    @Test
    void aFullBoardWithoutFourInALineIsADraw() {
        seatBob();
        table.play(annId, bobId, Arrays.copyOf(DRAWN_GAME, 41));
        assertThat(match(ann, PHASE)).as("one cell left").isEqualTo(PLAYING);
        table.move(bobId, DRAWN_GAME[41]);
        assertThat(discs(ann)).hasSize(42);
        assertThat(match(ann, PHASE)).isEqualTo(FINISHED);
        assertThat(match(ann, RESULT)).isEqualTo(DRAW);
        assertThat(match(ann, WINNER)).isZero();
        assertThat(ann.world.get(annId).fields()[WINS]).isZero();
        assertThat(bob.world.get(bobId).fields()[WINS]).isZero();
        assertThat(discs(ann)).noneMatch(d -> d.fields()[WINNING] == 1);
    }

    @Test
    void aMoveBeforeAnOpponentSitsDownIsRefused() {
        table.move(annId, 3);
        assertThat(rejections(ann)).extracting(ConnectFourTable.Rejected::reason).containsExactly(Rejection.WAITING.code);
        assertThat(discs(ann)).isEmpty();
    }

    @Test
    void everyKindOfIllegalMoveIsRefusedToItsSenderAloneAndChangesNothing() {
        seatBob();
        table.move(bobId, 3);
        assertRefused(bob, ann, Rejection.NOT_YOUR_TURN, "Not your turn: wait for your opponent's move.", 0);

        table.move(annId, 7);
        assertRefused(ann, bob, Rejection.NO_SUCH_COLUMN, "There is no column 8: columns are 1 to 7.", 0);
        table.move(annId, -1);
        assertRefused(ann, bob, Rejection.NO_SUCH_COLUMN, "There is no column 0: columns are 1 to 7.", 0);

        // Six discs in column 0, alternating colours: no line, and the column is full.
        table.play(annId, bobId, 0, 0, 0, 0, 0, 0);
        table.move(annId, 0);
        assertRefused(ann, bob, Rejection.COLUMN_FULL, "Column 1 is full: pick another one.", 6);
        assertThat(match(bob, TURN)).as("still red's move").isEqualTo(RED);

        table.send(annId, ConnectFourMessages.REMATCH, new byte[0]);
        table.step();
        assertRefused(ann, bob, Rejection.REMATCH_NOT_NOW, "A rematch is asked for once the game is over.", 6);

        table.play(annId, bobId, 1, 2, 1, 2, 1, 2, 1);
        assertThat(match(bob, WINNER)).isEqualTo(RED);
        table.move(bobId, 5);
        assertRefused(bob, ann, Rejection.GAME_OVER, "The game is over: ask for a rematch.", 13);
        assertThat(table.registry.get("arena.messages.sent").tag("type", "rejected").counter().count()).isEqualTo(6);
    }

    /** The sender got this refusal last, the other player never; the board holds {@code discs} discs. */
    private static void assertRefused(RecordingChannel sender, RecordingChannel other, Rejection reason, String text,
                                      int discs) {
        List<ConnectFourTable.Rejected> told = rejections(sender);
        assertThat(told).isNotEmpty();
        assertThat(told.get(told.size() - 1)).isEqualTo(new ConnectFourTable.Rejected(reason.code, text));
        assertThat(rejections(other)).as("a refusal goes to its sender only")
                .extracting(ConnectFourTable.Rejected::reason).doesNotContain(reason.code);
        assertThat(discs(sender)).hasSize(discs);
        assertThat(discs(other)).hasSize(discs);
    }

    @Test
    void aMalformedMoveClosesItsSenderAndAnUnknownTypeIsIgnored() {
        seatBob();
        table.send(annId, 99, new byte[] {1, 2, 3});
        table.step();
        assertThat(ann.closedWith).isZero();
        table.send(annId, ConnectFourMessages.MOVE, new PayloadWriter().varint(3).varint(4).toBytes());
        table.step();
        assertThat(ann.closedWith).isEqualTo(CloseCodes.PROTOCOL_ERROR);
        assertThat(discs(bob)).isEmpty();
        assertThat(bob.closedWith).isZero();
    }

    @Test
    void aSpectatorSeesTheBoardAndItsMessagesNeverReachTheGame() {
        seatBob();
        table.move(annId, 2);
        RecordingChannel eve = new RecordingChannel();
        int eveSeat = table.room.join("eve", true, eve).playerId();
        table.step();
        assertThat(eve.welcome.spectator()).isTrue();
        assertThat(discs(eve)).extracting(EntityRecord::fields).extracting(f -> f[COLUMN]).containsExactly(2);
        // Its session refuses it on the wire (close 1002, PROTOCOL.md); should one reach the room, it is dropped.
        table.room.offerMessage(eveSeat, new GameMessage(ConnectFourMessages.MOVE, ConnectFourMessages.move(4)), 0);
        table.step();
        assertThat(discs(ann)).hasSize(1);
        assertThat(match(eve, TURN)).isEqualTo(YELLOW);
        table.move(bobId, 4);
        assertThat(discs(eve)).hasSize(2);
        assertThat(rejections(eve)).isEmpty();
    }
}
