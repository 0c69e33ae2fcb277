package dev.arena.loadtest;

import dev.arena.server.game.arena.ArenaSettings;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The workloads the tool plays ({@code --workload}): the rooms and players
 * they default to and the server settings the bench runner starts the
 * server with, beside {@code room.capacity = P} and enough rooms.
 */
public enum Workload {
    /** arena-bench (BENCHMARK.md): R=50 rooms of P=20 in the default 2,000 x 2,000 world, everything visible. */
    ARENA("arena-bench", 50, 20, ArenaSettings.BENCHMARK),
    /**
     * arena-bench-large (docs/PERFORMANCE.md): one room of 500 in a 20,000 x
     * 20,000 world with 2,000 moving orbs and a view radius of 1,000.
     */
    LARGE("arena-bench-large", 1, 500, ArenaSettings.LARGE);

    public final String benchmark;
    public final int rooms;
    public final int players;
    private final ArenaSettings arena;

    Workload(String benchmark, int rooms, int players, ArenaSettings arena) {
        this.benchmark = benchmark;
        this.rooms = rooms;
        this.players = players;
        this.arena = arena;
    }

    /** The name on the command line. */
    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Server configuration keys (config/README.md) where this workload
     * differs from the server's defaults; a system property sets each as
     * {@code -Darena.<key>=<value>}.
     */
    public Map<String, String> serverSettings() {
        Map<String, String> out = new LinkedHashMap<>();
        ArenaSettings d = ArenaSettings.BENCHMARK;
        put(out, "arena.worldWidth", arena.worldWidth(), d.worldWidth());
        put(out, "arena.worldHeight", arena.worldHeight(), d.worldHeight());
        put(out, "arena.positionScale", arena.positionScale(), d.positionScale());
        put(out, "arena.playerSpeed", arena.playerSpeed(), d.playerSpeed());
        put(out, "arena.orbs", arena.orbs(), d.orbs());
        put(out, "arena.orbSpeed", arena.orbSpeed(), d.orbSpeed());
        put(out, "arena.collectRadius", arena.collectRadius(), d.collectRadius());
        put(out, "arena.viewRadius", arena.viewRadius(), d.viewRadius());
        return out;
    }

    private static void put(Map<String, String> out, String key, double value, double standard) {
        if (value != standard) {
            out.put(key, value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value));
        }
    }

    static Workload parse(String s) {
        for (Workload w : values()) {
            if (w.option().equals(s.strip())) {
                return w;
            }
        }
        throw new UsageException("--workload must be arena or large, got '" + s + "'");
    }
}
