package dev.arena.server.game.tag;

import dev.arena.server.game.GameBase;
import dev.arena.server.game.GameContext;
import dev.arena.server.game.GameDefinition;
import dev.arena.server.game.GameInfo;
import dev.arena.server.game.Setting;
import dev.arena.server.game.tag.TagMessages.RoundEvent;
import dev.arena.server.protocol.Input;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Team tag (docs/GAMES.md, "Worked example: the tag game"). Two teams,
 * balanced as players join and leave. Whoever is <em>it</em> chases the other
 * team: an it touching an opponent scores a point for the it's team and the
 * opponent becomes it, standing still for {@code tag.freezeSeconds} before
 * giving chase. The team with more points when the round's clock runs out
 * wins; after a short break the next round starts with scores at zero and
 * the teams lined up on their sides. A round needs two players.
 *
 * <p>Replicated entities: kind {@value #KIND_PLAYER} a player (label its
 * name; fields x, y, lastSeq, team, score, it, frozen), kind
 * {@value #KIND_TEAM} a team ({@link TagTeams}), kind {@value #KIND_ROUND}
 * the round ({@link TagRound}). Events go to everyone as MESSAGEs
 * ({@link TagMessages}).
 */
public final class TagGame extends GameBase {
    public static final GameDefinition DEFINITION = GameDefinition.builder("tag")
            .description("Two teams. Whoever is it chases the other team: tag someone to score, and they are it.")
            .capacity(10).tickHz(20)
            .setting(TagSettings.DECLARED.toArray(Setting[]::new))
            .messageType(TagMessages.TAGGED, "tagged")
            .messageType(TagMessages.ROUND, "round")
            .create(TagGame::new);

    public static final int KIND_PLAYER = 1;
    public static final int KIND_TEAM = 2;
    public static final int KIND_ROUND = 3;
    public static final int FIELD_X = 0;
    public static final int FIELD_Y = 1;
    public static final int FIELD_LAST_SEQ = 2;
    public static final int FIELD_TEAM = 3;
    public static final int FIELD_SCORE = 4;
    /** 1 while the player is it. */
    public static final int FIELD_IT = 5;
    /** 1 while the player stands still after becoming it. */
    public static final int FIELD_FROZEN = 6;
    private static final int PLAYER_FIELDS = 7;

    private final TagSettings settings;
    private final int tickHz;
    private final TagTeams teams;
    private final TagRound round;
    /** In join order: the newest player is the one that changes sides when the teams are uneven. */
    private final List<TagPlayer> players = new ArrayList<>();
    /** The step being run, or the last one run between steps. */
    private long now;

    private TagGame(GameContext context) {
        super(context);
        settings = TagSettings.from(context.settings());
        tickHz = context.tickHz();
        teams = new TagTeams(context);
        round = new TagRound(world, tickHz);
    }

    @Override
    public GameInfo info() {
        // What the page predicts and draws with, in this order on the wire.
        Map<String, Float> params = new LinkedHashMap<>();
        params.put("runnerSpeed", (float) settings.runnerSpeed());
        params.put("itSpeed", (float) settings.itSpeed());
        params.put("tagRadius", (float) settings.tagRadius());
        return new GameInfo(settings.worldWidth(), settings.worldHeight(), settings.positionScale(), params);
    }

    @Override
    public int onJoin(String name) {
        TagPlayer p = new TagPlayer(world.spawn(KIND_PLAYER, name, PLAYER_FIELDS), name, teams.forJoiner());
        players.add(p);
        teams.recount(players);
        placeOnSide(p, 0.1 + 0.8 * context.random().nextDouble());
        write(p);
        return p.id;
    }

    @Override
    public void onLeave(int playerId) {
        TagPlayer gone = find(playerId);
        if (gone == null) {
            return;
        }
        players.remove(gone);
        world.despawn(playerId);
        teams.rebalance(players);
        if (round.phase() == TagRound.PLAYING) {
            if (players.size() < 2) {
                stopRound();
            } else {
                keepIts(true);
            }
        }
    }

    @Override
    public void onInput(int playerId, Input input) {
        TagPlayer p = find(playerId);
        // Inputs older than one already applied change nothing (seq compared with wrap-around).
        if (p == null || (p.hasInput && input.seq() - p.lastSeq <= 0)) {
            return;
        }
        double length = Math.hypot(input.dx(), input.dy());
        double scale = length > 1 ? 1 / length : 1;
        p.dirX = input.dx() * scale;
        p.dirY = input.dy() * scale;
        p.lastSeq = input.seq();
        p.hasInput = true;
    }

    /** A player whose connection dropped stands still until it resumes (its steering is stale). */
    @Override
    public void onDisconnect(int playerId) {
        TagPlayer p = find(playerId);
        if (p != null) {
            p.dirX = 0;
            p.dirY = 0;
        }
    }

    @Override
    public void tick(long tick, double dt) {
        now = tick;
        advanceRound();
        for (TagPlayer p : players) {
            move(p, dt);
        }
        if (round.phase() == TagRound.PLAYING) {
            findTags();
        }
        for (TagPlayer p : players) {
            write(p);
        }
    }

    private void advanceRound() {
        switch (round.phase()) {
            case TagRound.WAITING -> {
                if (players.size() >= 2) {
                    startRound();
                }
            }
            case TagRound.PLAYING -> {
                if (round.countDown()) {
                    endRound();
                }
            }
            default -> {
                if (round.countDown()) {
                    if (players.size() >= 2) {
                        startRound();
                    } else {
                        round.stop();
                    }
                }
            }
        }
    }

    private void startRound() {
        round.start(settings.roundSeconds());
        teams.resetScores();
        teams.rebalance(players);
        clearIts();
        // Scores start at zero, and each team lines up on its own side, evenly spaced.
        for (int team = TagTeams.RED; team <= TagTeams.BLUE; team++) {
            int slot = 0;
            for (TagPlayer p : players) {
                if (p.team == team) {
                    p.score = 0;
                    placeOnSide(p, (++slot) / (teams.players(team) + 1.0));
                }
            }
        }
        keepIts(false);
        broadcastRound(RoundEvent.STARTED, -1);
    }

    private void endRound() {
        int winner = teams.leader();
        round.end(winner, settings.breakSeconds());
        clearIts();
        broadcastRound(RoundEvent.ENDED, winner);
    }

    private void stopRound() {
        round.stop();
        clearIts();
        broadcastRound(RoundEvent.STOPPED, -1);
    }

    private void broadcastRound(RoundEvent event, int winner) {
        broadcast(TagMessages.ROUND, new TagMessages.Round(event, round.number(), winner,
                teams.score(TagTeams.RED), teams.score(TagTeams.BLUE)).toBytes());
    }

    /**
     * Keeps {@code tag.its} players it (at most all but one): an it too many
     * (a runner left) becomes a runner, and an it missing (an it left, or a
     * round starts) is picked at random from the team with fewer its.
     */
    private void keepIts(boolean freezeNewOnes) {
        int wanted = Math.min(settings.its(), players.size() - 1);
        int[] its = new int[2];
        players.stream().filter(p -> p.it).forEach(p -> its[p.team]++);
        for (int i = players.size() - 1; i >= 0 && its[0] + its[1] > wanted; i--) {
            TagPlayer p = players.get(i);
            if (p.it) {
                p.it = false;
                p.frozenUntil = 0;
                its[p.team]--;
            }
        }
        while (its[0] + its[1] < wanted) {
            int team = its[0] != its[1] ? (its[0] < its[1] ? 0 : 1) : context.random().nextInt(2);
            TagPlayer chosen = randomRunner(team);
            if (chosen == null) {
                chosen = randomRunner(1 - team);
            }
            chosen.it = true;
            chosen.frozenUntil = freezeNewOnes ? now + freezeTicks() : 0;
            its[chosen.team]++;
        }
    }

    private TagPlayer randomRunner(int team) {
        List<TagPlayer> runners = players.stream().filter(p -> p.team == team && !p.it).toList();
        return runners.isEmpty() ? null : runners.get(context.random().nextInt(runners.size()));
    }

    private void clearIts() {
        for (TagPlayer p : players) {
            p.it = false;
            p.frozenUntil = 0;
        }
    }

    /** Every free it tags at most one opponent a step: the first one in join order within the radius. */
    private void findTags() {
        double r2 = settings.tagRadius() * settings.tagRadius();
        for (TagPlayer it : players) {
            if (!it.canTag(now)) {
                continue;
            }
            for (TagPlayer other : players) {
                double dx = other.x - it.x;
                double dy = other.y - it.y;
                if (!other.it && it.isOpponentOf(other) && dx * dx + dy * dy <= r2) {
                    tag(it, other);
                    break;
                }
            }
        }
    }

    private void tag(TagPlayer tagger, TagPlayer tagged) {
        tagger.it = false;
        tagger.score++;
        tagged.it = true;
        tagged.frozenUntil = now + freezeTicks();
        int teamScore = teams.addPoint(tagger.team);
        broadcast(TagMessages.TAGGED, new TagMessages.Tagged(tagger.id, tagger.name, tagged.id, tagged.name,
                tagger.team, teamScore).toBytes());
    }

    private int freezeTicks() {
        return (int) Math.round(settings.freezeSeconds() * tickHz);
    }

    private void move(TagPlayer p, double dt) {
        if (p.frozenAt(now)) {
            return;
        }
        double step = (p.it ? settings.itSpeed() : settings.runnerSpeed()) * dt;
        p.x = clamp(p.x + p.dirX * step, settings.worldWidth());
        p.y = clamp(p.y + p.dirY * step, settings.worldHeight());
    }

    /** Puts a player on its team's side (red left, blue right), {@code heightFraction} of the way down. */
    private void placeOnSide(TagPlayer p, double heightFraction) {
        p.x = settings.worldWidth() * (p.team == TagTeams.RED ? 0.2 : 0.8);
        p.y = settings.worldHeight() * heightFraction;
    }

    private void write(TagPlayer p) {
        world.set(p.id, FIELD_X, (int) Math.round(p.x * settings.positionScale()));
        world.set(p.id, FIELD_Y, (int) Math.round(p.y * settings.positionScale()));
        world.set(p.id, FIELD_LAST_SEQ, p.lastSeq);
        world.set(p.id, FIELD_TEAM, p.team);
        world.set(p.id, FIELD_SCORE, p.score);
        world.set(p.id, FIELD_IT, p.it ? 1 : 0);
        world.set(p.id, FIELD_FROZEN, p.frozenAt(now + 1) ? 1 : 0);
    }

    private TagPlayer find(int id) {
        for (TagPlayer p : players) {
            if (p.id == id) {
                return p;
            }
        }
        return null;
    }

    private static double clamp(double v, double max) {
        return v < 0 ? 0 : Math.min(v, max);
    }
}
