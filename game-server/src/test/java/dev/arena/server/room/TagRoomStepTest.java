package dev.arena.server.room;

import dev.arena.server.game.tag.TagGame;
import dev.arena.server.game.tag.TagMessages.Round;
import dev.arena.server.game.tag.TagMessages.RoundEvent;
import dev.arena.server.game.tag.TagMessages.Tagged;
import dev.arena.server.game.tag.TagRound;
import dev.arena.server.game.tag.TagTeams;
import dev.arena.server.protocol.Delta;
import dev.arena.server.protocol.GameMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static dev.arena.server.game.tag.TagGame.FIELD_FROZEN;
import static dev.arena.server.game.tag.TagGame.FIELD_LAST_SEQ;
import static dev.arena.server.game.tag.TagGame.FIELD_SCORE;
import static dev.arena.server.game.tag.TagGame.FIELD_TEAM;
import static dev.arena.server.game.tag.TagTeams.BLUE;
import static dev.arena.server.game.tag.TagTeams.RED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tag game in a real room, stepped by hand at 20 Hz ({@link TagRoomDriver}):
 * team balance, tagging at the radius, freezing, scores, the messages a tag
 * and a round send, the round clock and the next round, and players leaving
 * mid-round. Time is an argument: no timers, no sleeps.
 *
 * <p>The field is 400 x 200 with everyone at 200 units/s (10 units a step):
 * the two sides are at x = 80 and x = 320, so one player on each team starts
 * 240 units from the other, on the middle line.
 */
class TagRoomStepTest {
    private static final Map<String, Object> SMALL = Map.of("worldWidth", 400, "worldHeight", 200, "itSpeed", 200.0,
            "tagRadius", 30.0, "roundSeconds", 10, "breakSeconds", 2, "freezeSeconds", 1.0);

    private static TagRoomDriver driver(Map<String, Object> more) {
        Map<String, Object> settings = new java.util.HashMap<>(SMALL);
        settings.putAll(more);
        return new TagRoomDriver(settings, 5);
    }

    /**
     * Steers red {@code ann} right at {@code bob} until they are {@code distance} apart (a multiple of 10).
     *
     * @return the steps it took
     */
    private static int closeIn(TagRoomDriver t, int ann, int bob, double distance) {
        t.steer(ann, 1, 0);
        int steps = 0;
        for (; t.x(bob) - t.x(ann) > distance; steps++) {
            t.step();
        }
        t.steer(ann, 0, 0);
        return steps;
    }

    @Test
    void aPlayerWhoseConnectionDropsStandsStillWhileItsSeatIsHeld() {
        TagRoomDriver t = driver(Map.of());
        // Bob joins first: the driver reads positions from the first player's updates, and ann's stop.
        t.join("bob");
        int ann = t.join("ann");
        t.steps(2);
        t.steer(ann, 0, 1);
        t.step();
        double start = t.y(ann);
        t.steps(2);
        assertThat(t.y(ann)).as("ann runs while connected").isNotEqualTo(start);
        t.drop(ann);
        t.step();
        double held = t.y(ann);
        t.steps(5);
        assertThat(t.y(ann)).as("a dropped runner stops where it was").isEqualTo(held);
        assertThat(t.player(ann)).as("and stays in the world for the others").isNotNull();
    }

    @Test
    void joinersAreSpreadOverTwoTeamsAndALeaveEvensThemOut() {
        TagRoomDriver t = driver(Map.of());
        List<Integer> ids = List.of(t.join("p1"), t.join("p2"), t.join("p3"), t.join("p4"), t.join("p5"));
        t.step();
        assertThat(ids.stream().map(id -> t.field(id, FIELD_TEAM)).toList()).containsExactly(RED, BLUE, RED, BLUE, RED);
        assertThat(t.team(RED, TagTeams.FIELD_PLAYERS)).isEqualTo(3);
        assertThat(t.team(BLUE, TagTeams.FIELD_PLAYERS)).isEqualTo(2);
        assertThat(t.room.metadata()).containsExactly(Map.entry("mode", "teams"), Map.entry("teams", "2"),
                Map.entry("red", "3"), Map.entry("blue", "2"));
        assertThat(ids.stream().filter(id -> t.field(id, TagGame.FIELD_X) / 4.0 == (t.field(id, FIELD_TEAM) == RED ? 80 : 320)))
                .as("each team lined up on its side").hasSize(5);

        // Blue loses its players: when a team is two short, the other's newest player changes sides.
        t.leave(ids.get(1));
        t.step();
        assertThat(t.field(ids.get(4), FIELD_TEAM)).as("p5, the newest").isEqualTo(BLUE);
        t.leave(ids.get(3));
        t.step();
        assertThat(t.room.metadata()).as("2 against 1 is even enough").containsEntry("red", "2").containsEntry("blue", "1");
        t.leave(ids.get(4));
        t.step();
        assertThat(t.room.metadata()).containsEntry("red", "1").containsEntry("blue", "1");
        assertThat(t.field(ids.get(2), FIELD_TEAM)).as("2 against 0: p3, the newest red, moved").isEqualTo(BLUE);
        assertThat(t.field(ids.get(0), FIELD_TEAM)).isEqualTo(RED);
        assertThat(t.room.takeStatusChange()).as("the room list hears of it").isTrue();
    }

    @ParameterizedTest(name = "radius {0}: a tag at {1} units apart")
    @CsvSource({"30.0, 30", "29.9, 20", "45.0, 40"})
    void anItTagsAnOpponentWithinTheRadiusAndNotBeyond(double radius, int tagDistance) {
        TagRoomDriver t = driver(Map.of("tagRadius", radius));
        int ann = t.join("ann");
        int bob = t.join("bob");
        t.step();
        closeIn(t, ann, bob, tagDistance + 10);
        assertThat(t.player(ann).fields()[FIELD_SCORE] + t.player(bob).fields()[FIELD_SCORE])
                .as("%s units apart: no tag", tagDistance + 10).isZero();
        TagRoomDriver.takeEvents(t.watcher());
        closeIn(t, ann, bob, tagDistance);
        List<Object> events = TagRoomDriver.takeEvents(t.watcher());
        assertThat(events).as("a tag at %s units apart", tagDistance).hasSize(1).first().isInstanceOf(Tagged.class);
    }

    @Test
    void theTaggerScoresForItsTeamAndTheTaggedIsItButStandsStillSoNoTagBack() {
        TagRoomDriver t = driver(Map.of());
        int ann = t.join("ann");
        int bob = t.join("bob");
        t.step();
        int it = t.its().get(0);
        int runner = it == ann ? bob : ann;
        closeIn(t, ann, bob, 30);

        assertThat(t.its()).containsExactly(runner);
        assertThat(t.field(it, FIELD_SCORE)).isEqualTo(1);
        assertThat(t.field(runner, FIELD_SCORE)).isZero();
        int scoringTeam = t.field(it, FIELD_TEAM);
        assertThat(t.team(scoringTeam, TagTeams.FIELD_SCORE)).isEqualTo(1);
        assertThat(t.team(1 - scoringTeam, TagTeams.FIELD_SCORE)).isZero();
        assertThat(t.field(runner, FIELD_FROZEN)).isEqualTo(1);

        // Frozen for tag.freezeSeconds (20 steps): steering does not move it, and the tagger, 30 units away, is safe.
        double x = t.x(runner);
        t.steer(runner, it == ann ? -1 : 1, 0);
        t.steps(19);
        assertThat(t.x(runner)).isEqualTo(x);
        assertThat(t.field(runner, FIELD_FROZEN)).isEqualTo(1);
        assertThat(t.field(runner, FIELD_LAST_SEQ)).as("the input is taken, only the feet are stuck").isPositive();
        t.step();
        assertThat(t.field(runner, FIELD_FROZEN)).isZero();
        assertThat(t.its()).as("still no tag back").containsExactly(runner);
        t.step();
        assertThat(t.its()).as("free again, the new it tags the old one, who stood still").containsExactly(it);
        assertThat(t.team(1 - scoringTeam, TagTeams.FIELD_SCORE)).isEqualTo(1);
        int cat = t.join("cat");
        t.step();
        assertThat(t.field(cat, FIELD_TEAM)).as("teams and scores even: red").isEqualTo(RED);
    }

    @Test
    void aTagIsSentToEveryoneAfterTheStateThatShowsIt() {
        TagRoomDriver t = driver(Map.of());
        int ann = t.join("ann");
        int bob = t.join("bob");
        t.step();
        int it = t.its().get(0);
        closeIn(t, ann, bob, 40);
        t.channels.values().forEach(TagRoomDriver::takeEvents);
        t.steer(ann, 1, 0);
        t.step();

        String tagger = it == ann ? "ann" : "bob";
        int taggedId = it == ann ? bob : ann;
        for (RecordingChannel client : t.channels.values()) {
            assertThat(client.messages).hasSize(2);
            assertThat(client.messages.get(0)).as("the state update first").isInstanceOf(Delta.class);
            assertThat(client.world.get(taggedId).fields()[TagGame.FIELD_IT]).isEqualTo(1);
            GameMessage message = (GameMessage) client.messages.get(1);
            assertThat(Tagged.read(message.payload())).isEqualTo(new Tagged(it, tagger, taggedId,
                    tagger.equals("ann") ? "bob" : "ann", client.world.get(it).fields()[FIELD_TEAM], 1));
        }
        assertThat(t.registry.get("arena.messages.sent").tag("type", "tagged").counter().count()).isEqualTo(2);

        // A joiner goes to the smaller team; on a tie, to the team behind.
        int behind = 1 - t.field(it, FIELD_TEAM);
        int cat = t.join("cat");
        t.step();
        assertThat(t.field(cat, FIELD_TEAM)).isEqualTo(behind);
    }

    @Test
    void theRoundEndsWhenItsClockRunsOutAndTheNextStartsAfterTheBreakFromScratch() {
        TagRoomDriver t = driver(Map.of());
        int ann = t.join("ann");
        t.steps(3);
        assertThat(t.round(TagRound.FIELD_PHASE)).as("alone: waiting").isEqualTo(TagRound.WAITING);
        assertThat(t.its()).isEmpty();
        int bob = t.join("bob");
        t.step();
        assertThat(TagRoomDriver.takeEvents(t.channels.get(bob)))
                .containsExactly(new Round(RoundEvent.STARTED, 1, -1, 0, 0));
        assertThat(t.round(TagRound.FIELD_PHASE)).isEqualTo(TagRound.PLAYING);
        assertThat(t.round(TagRound.FIELD_SECONDS_LEFT)).isEqualTo(10);
        assertThat(t.its()).hasSize(1);
        int it = t.its().get(0);
        int stepsPlayed = closeIn(t, ann, bob, 30); // one point
        int winner = t.field(it, FIELD_TEAM);
        t.steer(ann, 0, 1);
        t.steps(200 - stepsPlayed - 1);
        assertThat(t.round(TagRound.FIELD_SECONDS_LEFT)).as("1 step of 200 left").isEqualTo(1);
        assertThat(t.round(TagRound.FIELD_PHASE)).isEqualTo(TagRound.PLAYING);
        TagRoomDriver.takeEvents(t.channels.get(bob));
        t.step();
        assertThat(t.round(TagRound.FIELD_PHASE)).isEqualTo(TagRound.OVER);
        assertThat(t.round(TagRound.FIELD_WINNER)).isEqualTo(winner);
        assertThat(t.round(TagRound.FIELD_SECONDS_LEFT)).as("the break").isEqualTo(2);
        assertThat(t.its()).as("nobody is it in the break").isEmpty();
        List<Object> ended = TagRoomDriver.takeEvents(t.channels.get(bob));
        assertThat(ended).containsExactly(new Round(RoundEvent.ENDED, 1, winner,
                winner == RED ? 1 : 0, winner == BLUE ? 1 : 0));

        t.steps(39);
        assertThat(t.round(TagRound.FIELD_PHASE)).isEqualTo(TagRound.OVER);
        assertThat(t.y(ann)).as("free to move in the break").isGreaterThan(150);
        t.steer(ann, 0, 0);
        t.step();
        assertThat(TagRoomDriver.takeEvents(t.channels.get(bob))).containsExactly(new Round(RoundEvent.STARTED, 2, -1, 0, 0));
        assertThat(t.round(TagRound.FIELD_ROUND)).isEqualTo(2);
        assertThat(t.round(TagRound.FIELD_WINNER)).isEqualTo(-1);
        assertThat(t.team(winner, TagTeams.FIELD_SCORE)).isZero();
        assertThat(t.field(it, FIELD_SCORE)).isZero();
        assertThat(List.of(t.x(ann), t.y(ann), t.x(bob), t.y(bob))).as("lined up again").containsExactly(80.0, 100.0, 320.0, 100.0);
        assertThat(t.its()).hasSize(1);
    }

    @Test
    void anItWhoLeavesMidRoundIsReplacedAndTheLastButOneLeavingStopsTheRound() {
        TagRoomDriver t = driver(Map.of("its", 2));
        int ann = t.join("ann");
        int bob = t.join("bob");
        int cat = t.join("cat");
        int dan = t.join("dan");
        t.step();
        assertThat(t.its()).as("its: 2, one a team").hasSize(2)
                .extracting(id -> t.field(id, FIELD_TEAM)).containsExactlyInAnyOrder(RED, BLUE);

        int leaver = t.its().get(0);
        t.leave(leaver);
        t.step();
        assertThat(t.round(TagRound.FIELD_PHASE)).isEqualTo(TagRound.PLAYING);
        assertThat(t.its()).as("two of three players are it again").hasSize(2).doesNotContain(leaver);
        assertThat(t.its().stream().filter(id -> t.field(id, FIELD_FROZEN) == 1)).as("the new it waits").hasSize(1);

        for (int id : List.of(ann, bob, cat, dan)) {
            if (id != leaver && t.channels.size() > 1) {
                t.leave(id);
            }
        }
        int last = t.channels.keySet().iterator().next();
        t.step();
        assertThat(TagRoomDriver.takeEvents(t.channels.get(last))).last()
                .isEqualTo(new Round(RoundEvent.STOPPED, 1, -1, 0, 0));
        assertThat(t.round(TagRound.FIELD_PHASE)).isEqualTo(TagRound.WAITING);
        assertThat(t.its()).isEmpty();

        t.join("eve");
        t.step();
        assertThat(t.round(TagRound.FIELD_PHASE)).isEqualTo(TagRound.PLAYING);
        assertThat(t.round(TagRound.FIELD_ROUND)).isEqualTo(2);
    }

    @Test
    void anItRunsFasterThanARunnerAndTheWorldWelcomesWithWhatThePagePredictsWith() {
        TagRoomDriver t = driver(Map.of("itSpeed", 230.0));
        int ann = t.join("ann");
        int bob = t.join("bob");
        t.step();
        int it = t.its().get(0);
        int runner = it == ann ? bob : ann;
        t.steer(it, 0, 1);
        t.steer(runner, 0, 1);
        t.step();
        assertThat(t.y(it)).isEqualTo(111.5);
        assertThat(t.y(runner)).isEqualTo(110);
        assertThat(t.watcher().welcome.params()).containsExactly(Map.entry("runnerSpeed", 200f),
                Map.entry("itSpeed", 230f), Map.entry("tagRadius", 30f));
        assertThat(t.watcher().welcome.worldWidth()).isEqualTo(400);
    }
}
