package dev.arena.server.room;

import dev.arena.server.game.Game;
import dev.arena.server.game.GameInfo;
import dev.arena.server.game.World;
import dev.arena.server.protocol.Input;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A game whose every tick spawns, despawns and rewrites entities at random:
 * field counts from 0 to 12 (so change masks need their extended form), huge
 * and negative values (so diffs wrap), labels with non-ASCII text.
 */
final class ChurnGame implements Game {
    private static final String[] LABELS = {null, "", "a", "orb", "Zoë", "😀 x", "abcdefghijklmnopqrstuvwxyz0123456789"};
    private final World world;
    private final RandomGenerator random;
    /** Live NPC ids and their field counts. */
    private final Map<Integer, Integer> npcs = new LinkedHashMap<>();

    ChurnGame(World world, RandomGenerator random) {
        this.world = world;
        this.random = random;
        for (int i = 0; i < 10; i++) {
            spawnNpc();
        }
    }

    @Override
    public GameInfo info() {
        return new GameInfo(100, 100, 1, Map.of());
    }

    @Override
    public int onJoin(String name) {
        return world.spawn(1, name, 4);
    }

    @Override
    public void onLeave(int playerId) {
        world.despawn(playerId);
    }

    @Override
    public void onInput(int playerId, Input input) {
        world.set(playerId, 2, input.seq());
    }

    @Override
    public void tick(long tick, double dt) {
        int spawns = random.nextInt(3);
        for (int i = 0; i < spawns; i++) {
            spawnNpc();
        }
        if (!npcs.isEmpty() && random.nextInt(3) == 0) {
            int victim = new ArrayList<>(npcs.keySet()).get(random.nextInt(npcs.size()));
            npcs.remove(victim);
            world.despawn(victim);
        }
        for (Map.Entry<Integer, Integer> npc : npcs.entrySet()) {
            int id = npc.getKey();
            for (int f = 0; f < npc.getValue(); f++) {
                if (random.nextInt(3) == 0) {
                    world.set(id, f, random.nextInt(5) == 0 ? random.nextInt() : world.get(id, f) + random.nextInt(-50, 51));
                }
            }
        }
    }

    private void spawnNpc() {
        int fields = random.nextInt(13);
        int id = world.spawn(2, LABELS[random.nextInt(LABELS.length)], fields);
        for (int f = 0; f < fields; f++) {
            world.set(id, f, random.nextInt());
        }
        npcs.put(id, fields);
    }
}
