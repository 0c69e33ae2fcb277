package dev.arena.server.game.arena;

import dev.arena.server.game.Game;
import dev.arena.server.game.GameContext;
import dev.arena.server.game.GameDefinition;
import dev.arena.server.game.GameInfo;
import dev.arena.server.game.RadiusVisibility;
import dev.arena.server.game.ViewGrid;
import dev.arena.server.game.Visibility;
import dev.arena.server.game.World;
import dev.arena.server.protocol.Input;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The bundled game: players steer around a walled square, orbs drift and
 * bounce off the walls, and touching an orb scores a point and respawns the
 * orb elsewhere. With {@link ArenaSettings#BENCHMARK} it is the arena-bench
 * workload.
 *
 * <p>Replicated entities (PROTOCOL.md, "Entities"): kind {@value #KIND_PLAYER}
 * player with fields x, y, lastSeq, score; kind {@value #KIND_ORB} orb with
 * fields x, y. Positions are quantized by {@code positionScale}. With a
 * {@code viewRadius}, a player sees the entities within it
 * ({@link RadiusVisibility}), else the whole world. Players chat with game
 * MESSAGEs ({@link ArenaChat}).
 */
public final class ArenaGame implements Game {
    /** The arena as the server offers it: its settings are the {@code arena.*} keys; rooms take {@code room.*}. */
    public static final GameDefinition DEFINITION = GameDefinition.builder("arena")
            .description("Steer around a walled square and collect drifting orbs; chat with the room.")
            .setting(ArenaSettings.DECLARED.toArray(new dev.arena.server.game.Setting[0]))
            .messageType(ArenaChat.TYPE, ArenaChat.NAME)
            .create(ArenaGame::new);

    public static final int KIND_PLAYER = 1;
    public static final int KIND_ORB = 2;
    public static final int FIELD_X = 0;
    public static final int FIELD_Y = 1;
    public static final int FIELD_LAST_SEQ = 2;
    public static final int FIELD_SCORE = 3;
    private static final int PLAYER_FIELDS = 4;
    private static final int ORB_FIELDS = 2;
    private static final Comparator<Player> BY_X = Comparator.comparingDouble(p -> p.x);

    private final World world;
    private final ArenaSettings settings;
    private final RandomGenerator random;
    /** In ascending id order (ids only grow), so a lookup is a binary search. */
    private final List<Player> players = new ArrayList<>();
    private final List<Orb> orbs = new ArrayList<>();
    /** Null when the game was made without a context: then chat messages are ignored. */
    private final ArenaChat chat;
    /** The players sorted by x, once per tick: an orb only looks at those within its collect radius in x. */
    private Player[] byX = new Player[16];
    /** The x of each player of {@link #byX}, so the search reads an array instead of chasing players. */
    private double[] xs = new double[16];

    /** The arena of a room, with the settings the server validated. */
    public ArenaGame(GameContext context) {
        this(context.world(), ArenaSettings.from(context.settings()), context.random(), context);
    }

    /** An arena without a room context (step tests of the world alone): no chat. */
    public ArenaGame(World world, ArenaSettings settings, RandomGenerator random) {
        this(world, settings, random, null);
    }

    private ArenaGame(World world, ArenaSettings settings, RandomGenerator random, GameContext context) {
        this.world = world;
        this.settings = settings;
        this.random = random;
        this.chat = context == null ? null : new ArenaChat(context, settings.chatMaxLength());
        for (int i = 0; i < settings.orbs(); i++) {
            orbs.add(spawnOrb());
        }
    }

    @Override
    public GameInfo info() {
        // The browser client predicts its own player with this speed, bounds its chat input with the length and
        // draws the view radius on its minimap.
        // (In this order on the wire: Map.of would iterate in a different order on every start.)
        Map<String, Float> params = new LinkedHashMap<>();
        params.put("playerSpeed", (float) settings.playerSpeed());
        params.put("chatMaxLength", (float) settings.chatMaxLength());
        if (settings.viewRadius() > 0) {
            params.put("viewRadius", (float) settings.viewRadius());
        }
        return new GameInfo(settings.worldWidth(), settings.worldHeight(), settings.positionScale(), params);
    }

    @Override
    public Visibility visibility() {
        if (settings.viewRadius() == 0) {
            return Visibility.everything();
        }
        int radius = Math.multiplyExact(settings.viewRadius(), settings.positionScale());
        // Cells of half the radius: a view overlaps about 25 of them.
        return new RadiusVisibility(radius, new ViewGrid(Math.max(1, radius / 2), FIELD_X, FIELD_Y));
    }

    @Override
    public int onJoin(String name) {
        Player p = new Player(world.spawn(KIND_PLAYER, name, PLAYER_FIELDS), name,
                random.nextDouble() * settings.worldWidth(), random.nextDouble() * settings.worldHeight());
        players.add(p);
        writePosition(p.id, p.x, p.y);
        return p.id;
    }

    @Override
    public void onLeave(int playerId) {
        players.removeIf(p -> p.id == playerId);
        world.despawn(playerId);
    }

    /** A player whose connection dropped stands still until it comes back: nobody steers it meanwhile. */
    @Override
    public void onDisconnect(int playerId) {
        Player p = find(playerId);
        if (p != null) {
            p.dirX = 0;
            p.dirY = 0;
        }
    }

    @Override
    public void onInput(int playerId, Input input) {
        Player p = find(playerId);
        // Inputs older than one already applied change nothing (seq compared with wrap-around).
        if (p == null || (p.hasInput && input.seq() - p.lastSeq <= 0)) {
            return;
        }
        double dx = input.dx();
        double dy = input.dy();
        double length = Math.hypot(dx, dy);
        if (length > 1) {
            dx /= length;
            dy /= length;
        }
        p.dirX = dx;
        p.dirY = dy;
        p.lastSeq = input.seq();
        p.hasInput = true;
        world.set(p.id, FIELD_LAST_SEQ, p.lastSeq);
    }

    @Override
    public void onMessage(int playerId, int type, byte[] payload) {
        Player p = find(playerId);
        if (type == ArenaChat.TYPE && chat != null && p != null) {
            chat.onMessage(playerId, p.name, payload);
        }
    }

    @Override
    public void tick(long tick, double dt) {
        double step = settings.playerSpeed() * dt;
        for (Player p : players) {
            p.x = clamp(p.x + p.dirX * step, settings.worldWidth());
            p.y = clamp(p.y + p.dirY * step, settings.worldHeight());
            writePosition(p.id, p.x, p.y);
        }
        sortByX();
        for (int i = 0; i < orbs.size(); i++) {
            Orb orb = orbs.get(i);
            orb.move(dt, settings.worldWidth(), settings.worldHeight());
            Player collector = collectorOf(orb);
            if (collector != null) {
                collector.score++;
                world.set(collector.id, FIELD_SCORE, collector.score);
                world.despawn(orb.id);
                orb = spawnOrb();
                orbs.set(i, orb);
            }
            writePosition(orb.id, orb.x, orb.y);
        }
    }

    private void sortByX() {
        int n = players.size();
        if (byX.length < n) {
            byX = new Player[Math.max(n, byX.length * 2)];
            xs = new double[byX.length];
        }
        players.toArray(byX);
        Arrays.sort(byX, 0, n, BY_X);
        for (int i = 0; i < n; i++) {
            xs[i] = byX[i].x;
        }
    }

    /** The player with the smallest id (the earliest to join) within the collect radius, or null. */
    private Player collectorOf(Orb orb) {
        double r = settings.collectRadius();
        double r2 = r * r;
        int n = players.size();
        // The first player with x >= orb.x - r - 1 (the margin covers rounding in the exact test below).
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (xs[mid] < orb.x - r - 1) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        Player best = null;
        for (int i = lo; i < n && xs[i] <= orb.x + r + 1; i++) {
            Player p = byX[i];
            double dx = p.x - orb.x;
            double dy = p.y - orb.y;
            if (dx * dx + dy * dy <= r2 && (best == null || p.id < best.id)) {
                best = p;
            }
        }
        return best;
    }

    private Orb spawnOrb() {
        double angle = random.nextDouble() * 2 * Math.PI;
        Orb orb = new Orb(world.spawn(KIND_ORB, null, ORB_FIELDS),
                random.nextDouble() * settings.worldWidth(), random.nextDouble() * settings.worldHeight(),
                Math.cos(angle) * settings.orbSpeed(), Math.sin(angle) * settings.orbSpeed());
        writePosition(orb.id, orb.x, orb.y);
        return orb;
    }

    private void writePosition(int id, double x, double y) {
        world.set(id, FIELD_X, (int) Math.round(x * settings.positionScale()));
        world.set(id, FIELD_Y, (int) Math.round(y * settings.positionScale()));
    }

    private Player find(int id) {
        int lo = 0;
        int hi = players.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Player p = players.get(mid);
            if (p.id == id) {
                return p;
            }
            if (p.id < id) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return null;
    }

    private static double clamp(double v, double max) {
        return v < 0 ? 0 : Math.min(v, max);
    }

    private static final class Player {
        final int id;
        final String name;
        double x;
        double y;
        double dirX;
        double dirY;
        int lastSeq;
        boolean hasInput;
        int score;

        Player(int id, String name, double x, double y) {
            this.id = id;
            this.name = name;
            this.x = x;
            this.y = y;
        }
    }

    private static final class Orb {
        final int id;
        double x;
        double y;
        double vx;
        double vy;

        Orb(int id, double x, double y, double vx, double vy) {
            this.id = id;
            this.x = x;
            this.y = y;
            this.vx = vx;
            this.vy = vy;
        }

        /** Moves in a straight line, reflecting off the walls. */
        void move(double dt, double width, double height) {
            x += vx * dt;
            y += vy * dt;
            if (x < 0 || x > width) {
                vx = -vx;
                x = x < 0 ? -x : 2 * width - x;
            }
            if (y < 0 || y > height) {
                vy = -vy;
                y = y < 0 ? -y : 2 * height - y;
            }
        }
    }
}
