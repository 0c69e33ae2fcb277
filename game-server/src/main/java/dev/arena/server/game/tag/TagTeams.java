package dev.arena.server.game.tag;

import dev.arena.server.game.GameContext;
import dev.arena.server.game.World;

import java.util.List;

/**
 * The two teams: their replicated entities (kind {@value TagGame#KIND_TEAM},
 * label the team's name, fields team, score, players), their scores, and
 * balance. The room's metadata says {@code mode=teams}, {@code teams=2} and
 * how many players each team has ({@code red}, {@code blue}), so a lobby can
 * find and show team rooms ({@code /api/rooms?game=tag&mode=teams}).
 */
public final class TagTeams {
    public static final int RED = 0;
    public static final int BLUE = 1;
    public static final List<String> NAMES = List.of("Red", "Blue");
    public static final int FIELD_TEAM = 0;
    public static final int FIELD_SCORE = 1;
    public static final int FIELD_PLAYERS = 2;

    private final World world;
    private final GameContext context;
    private final int[] entity = new int[2];
    private final int[] score = new int[2];
    private final int[] players = new int[2];

    TagTeams(GameContext context) {
        this.context = context;
        this.world = context.world();
        for (int team = RED; team <= BLUE; team++) {
            entity[team] = world.spawn(TagGame.KIND_TEAM, NAMES.get(team), 3);
            world.set(entity[team], FIELD_TEAM, team);
        }
        context.setMetadata("mode", "teams");
        context.setMetadata("teams", "2");
        recount(List.of());
    }

    /** The team a joiner goes to: the smaller one; on a tie the one behind, then red. */
    int forJoiner() {
        if (players[RED] != players[BLUE]) {
            return players[RED] < players[BLUE] ? RED : BLUE;
        }
        return score[BLUE] < score[RED] ? BLUE : RED;
    }

    int score(int team) {
        return score[team];
    }

    /** One point to {@code team}; returns its score now. */
    int addPoint(int team) {
        world.set(entity[team], FIELD_SCORE, ++score[team]);
        return score[team];
    }

    void resetScores() {
        for (int team = RED; team <= BLUE; team++) {
            score[team] = 0;
            world.set(entity[team], FIELD_SCORE, 0);
        }
    }

    /** The team ahead, or -1 on a tie. */
    int leader() {
        return score[RED] == score[BLUE] ? -1 : score[RED] > score[BLUE] ? RED : BLUE;
    }

    /**
     * Evens out the teams after a leave: while one has two players more, its
     * newest player (the last in join order) changes sides.
     */
    void rebalance(List<TagPlayer> inJoinOrder) {
        recount(inJoinOrder);
        while (Math.abs(players[RED] - players[BLUE]) > 1) {
            int bigger = players[RED] > players[BLUE] ? RED : BLUE;
            for (int i = inJoinOrder.size() - 1; i >= 0; i--) {
                if (inJoinOrder.get(i).team == bigger) {
                    inJoinOrder.get(i).team = 1 - bigger;
                    break;
                }
            }
            recount(inJoinOrder);
        }
    }

    /** Counts each team's players into the team entities and the room's metadata. */
    void recount(List<TagPlayer> all) {
        players[RED] = 0;
        players[BLUE] = 0;
        for (TagPlayer p : all) {
            players[p.team]++;
        }
        for (int team = RED; team <= BLUE; team++) {
            world.set(entity[team], FIELD_PLAYERS, players[team]);
            context.setMetadata(NAMES.get(team).toLowerCase(java.util.Locale.ROOT), String.valueOf(players[team]));
        }
    }

    int players(int team) {
        return players[team];
    }
}
