package dev.arena.server.room;

import dev.arena.server.game.Game;
import dev.arena.server.game.GameInfo;
import dev.arena.server.protocol.Input;
import dev.arena.server.game.RadiusVisibility;
import dev.arena.server.game.ViewGrid;
import dev.arena.server.game.Visibility;
import dev.arena.server.game.World;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A crowded world under a radius rule, for view tests: {@link #NPCS}
 * entities drift at random across a {@link #SIZE}-square world (fields x,
 * y), a few jump elsewhere each tick (teleports), some despawn and others
 * spawn; players move by their input's direction and jump when button 1 is
 * held. A scoreboard (kind {@link #BOARD}, seen by all) and a clock without
 * a position change every tick.
 */
final class SwarmGame implements Game {
    static final int SIZE = 4000;
    static final int NPCS = 2000;
    static final int RADIUS = 300;
    static final int PLAYER = 1;
    static final int NPC = 2;
    static final int BOARD = 3;
    private static final int CLOCK = 4;
    private final World world;
    private final RandomGenerator random;
    private final List<Integer> npcs = new ArrayList<>();
    private final int board;
    private final int clock;

    SwarmGame(World world, RandomGenerator random) {
        this.world = world;
        this.random = random;
        for (int i = 0; i < NPCS; i++) {
            npcs.add(spawnAt(NPC, null, random.nextInt(SIZE), random.nextInt(SIZE)));
        }
        board = spawnAt(BOARD, "board", SIZE * 10, SIZE * 10);
        clock = world.spawn(CLOCK, "clock", 1);
    }

    @Override
    public GameInfo info() {
        return new GameInfo(SIZE, SIZE, 1, Map.of());
    }

    @Override
    public Visibility visibility() {
        return new RadiusVisibility(RADIUS, new ViewGrid(RADIUS / 2, 0, 1), BOARD);
    }

    @Override
    public int onJoin(String name) {
        return spawnAt(PLAYER, name, random.nextInt(SIZE), random.nextInt(SIZE));
    }

    @Override
    public void onLeave(int playerId) {
        world.despawn(playerId);
    }

    @Override
    public void onInput(int playerId, Input input) {
        if ((input.buttons() & 1) != 0) {
            place(playerId, random.nextInt(SIZE), random.nextInt(SIZE));
        } else {
            place(playerId, world.get(playerId, 0) + Math.round(input.dx() * 40), world.get(playerId, 1) + Math.round(input.dy() * 40));
        }
    }

    @Override
    public void tick(long tick, double dt) {
        world.set(clock, 0, (int) tick);
        world.set(board, 2, world.get(board, 2) + 1);
        for (int i = 0; i < npcs.size(); i++) {
            int id = npcs.get(i);
            if (random.nextInt(200) == 0) {
                world.despawn(id);
                npcs.set(i, spawnAt(NPC, null, random.nextInt(SIZE), random.nextInt(SIZE)));
            } else if (random.nextInt(100) == 0) {
                place(id, random.nextInt(SIZE), random.nextInt(SIZE));
            } else if (random.nextInt(3) > 0) {
                place(id, world.get(id, 0) + random.nextInt(-25, 26), world.get(id, 1) + random.nextInt(-25, 26));
            }
        }
    }

    private int spawnAt(int kind, String label, int x, int y) {
        int id = world.spawn(kind, label, 3);
        place(id, x, y);
        return id;
    }

    private void place(int id, int x, int y) {
        world.set(id, 0, Math.floorMod(x, SIZE));
        world.set(id, 1, Math.floorMod(y, SIZE));
    }
}
