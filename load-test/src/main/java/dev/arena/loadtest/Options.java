package dev.arena.loadtest;

import dev.arena.loadtest.floor.FloorResult;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line: {@code [run|bench|capacity] --option value ...}
 * ({@code --option=value} works too). Every value is checked here, and a
 * bad one is a {@link UsageException} whose message names the option.
 */
public final class Options {
    public enum Command { RUN, BENCH, CAPACITY }

    private static final Set<String> COMMON = Set.of("workload", "rooms", "players", "duration", "warmup", "ramp",
            "input-hz", "seed", "out", "loops", "game", "drop-every", "full-state");
    /** A game's name as the server knows it (its GameDefinition's rule). */
    private static final java.util.regex.Pattern GAME = java.util.regex.Pattern.compile("[a-z][a-z0-9]{0,23}");
    private static final Set<String> SERVER = Set.of("server-jar", "jvm-flags", "floor");
    /** The floor a bench run divides its server CPU by. */
    private static final Set<String> BENCH = Set.of("floor-result", "nodes");
    private static final Set<String> CAPACITY = Set.of("start-rooms", "step-rooms", "max-rooms", "p99-limit-ms");
    /** Options that take no value. */
    private static final Set<String> FLAGS = Set.of("insecure", "floor", "full-state");

    public static final String USAGE = """
            usage:
              java -jar load-test.jar run      --url ws://127.0.0.1:8080/ws [--insecure] [workload options]
              java -jar load-test.jar bench    --server-jar game-server/target/game-server.jar [--jvm-flags "..."]
                                               [--floor-result target/floor/result.json] [--nodes 1] [workload options]
              java -jar load-test.jar bench    --floor [--jvm-flags "..."] [workload options]
              java -jar load-test.jar capacity --server-jar game-server/target/game-server.jar [--jvm-flags "..."]
                                               [--start-rooms 50] [--step-rooms 50] [--max-rooms 400] [--p99-limit-ms 100] [workload options]
              java -jar load-test.jar --version | --help
            workload options (arena-bench defaults):
              --workload arena  arena: arena-bench, R=50 x P=20; large: arena-bench-large, one room of 500
                                in a 20,000 x 20,000 world with 2,000 orbs and a view radius of 1,000
                                (bench starts the server so; for run, start it with the settings in load-test/README.md)
              --rooms 50        rooms R, filled P bots at a time (default: the workload's)
              --players 20      players P per room (default: the workload's)
              --duration 60     measured seconds
              --warmup 10       seconds after the last join before measuring
              --ramp 500        joins per second
              --input-hz 20     inputs per second per bot (every 1000/input-hz ms)
              --seed 1          seed of the bots' random steering
              --out target/arena-bench   directory for result.json, summary.txt, report.html
              --loops 2         event loops the bots run on
              --game NAME       the game the bots join (default: the server's default game, room.game)
              --drop-every 0    seconds between each bot's network cuts (jittered, +-50%): it ends its TCP
                                connection without a close frame and takes its seat back with RESUME; 0 = never
              --full-state      every bot rebuilds the whole state (the server's ReplicatedWorld) from each update;
                                without it a bot whose game needs only its own player (the arena) reads just that
            run takes any ws:// or wss:// URL; wss checks the server's certificate against the
            JVM trust store, or trusts any certificate with --insecure (a self-signed test server).
            The server must run with room.capacity = --players (bench and capacity start it so).
            bench --floor and capacity --floor run the floor server (bare Netty, no game: the same traffic with no
            server logic) instead of a server jar; bench --floor-result FILE divides this run's server CPU by that
            floor run's (its result.json). bench --nodes N starts N server JVMs clustered on loopback
            (docs/CLUSTER.md) and runs the bots against the first; they follow redirects to the others.""";

    public final Command command;
    public final Workload workload;
    public final URI url;
    /** Trust any TLS certificate (run with a wss:// URL only). */
    public final boolean insecure;
    public final int rooms;
    public final int players;
    public final int durationSeconds;
    public final int warmupSeconds;
    public final int rampPerSecond;
    public final int inputHz;
    public final long seed;
    public final Path out;
    public final int loops;
    /** The game the bots join, or null for the server's default game. */
    public final String game;
    /** Null with {@link #floor}. */
    /** Seconds between a bot's network cuts, about (0: never). */
    public final int dropEverySeconds;
    /** Every bot rebuilds the whole state, whatever its game's behaviour needs. */
    public final boolean fullState;
    public final Path serverJar;
    /** Start the floor server instead of a server jar. */
    public final boolean floor;
    /** Server JVMs bench starts, clustered on loopback (1: one plain node). */
    public final int nodes;
    /** The floor run this bench run's server CPU is divided by; null when none was given. */
    public final FloorResult floorResult;
    public final List<String> jvmFlags;
    public final int startRooms;
    public final int stepRooms;
    public final int maxRooms;
    public final double p99LimitMillis;

    private Options(Command command, Map<String, String> v) {
        this.command = command;
        this.workload = v.containsKey("workload") ? Workload.parse(v.get("workload")) : Workload.ARENA;
        if (command == Command.CAPACITY && workload != Workload.ARENA) {
            throw new UsageException("--workload " + workload.option() + " is one room: measure it with bench, not capacity");
        }
        this.url = command == Command.RUN ? Target.parse(require(v, "url")) : null;
        this.insecure = v.containsKey("insecure");
        if (insecure && !url.getScheme().equals("wss")) {
            throw new UsageException("--insecure applies to wss:// URLs only, got --url " + url);
        }
        this.rooms = integer(v, "rooms", workload.rooms, 1, 10_000);
        this.players = integer(v, "players", workload.players, 1, 1_000);
        this.durationSeconds = integer(v, "duration", 60, 1, 86_400);
        this.warmupSeconds = integer(v, "warmup", 10, 0, 3_600);
        this.rampPerSecond = integer(v, "ramp", 500, 1, 100_000);
        this.inputHz = integer(v, "input-hz", 20, 1, 1_000);
        this.seed = longValue(v, "seed", 1);
        this.out = Path.of(v.getOrDefault("out", "target/arena-bench"));
        this.loops = integer(v, "loops", 2, 1, 64);
        this.dropEverySeconds = integer(v, "drop-every", 0, 0, 86_400);
        this.fullState = v.containsKey("full-state");
        this.game = v.get("game");
        if (game != null && !GAME.matcher(game).matches()) {
            throw new UsageException("--game must be a game's name (lower-case letters and digits), got '" + game + "'");
        }
        this.floor = v.containsKey("floor");
        if (floor && v.containsKey("server-jar")) {
            throw new UsageException("--server-jar does not apply with --floor: the floor server is in this tool's jar");
        }
        if (floor && dropEverySeconds > 0) {
            throw new UsageException("--drop-every does not apply with --floor: the floor server holds no seats to resume");
        }
        if (floor && game != null && !game.equals("arena")) {
            throw new UsageException("--game " + game + " does not apply with --floor: the floor server plays only "
                    + "the arena's traffic");
        }
        if (command != Command.RUN) {
            this.serverJar = floor ? null : Path.of(require(v, "server-jar"));
            if (serverJar != null && !Files.isRegularFile(serverJar)) {
                throw new UsageException("--server-jar: no such file " + serverJar
                        + " (build it with: mvn -B -q -DskipTests package)");
            }
            String flags = v.getOrDefault("jvm-flags", "").strip();
            this.jvmFlags = flags.isEmpty() ? List.of() : List.of(flags.split("\\s+"));
        } else {
            this.serverJar = null;
            this.jvmFlags = List.of();
        }
        this.floorResult = v.containsKey("floor-result") ? FloorResult.read(Path.of(require(v, "floor-result"))) : null;
        this.nodes = integer(v, "nodes", 1, 1, 16);
        if (nodes > 1 && floor) {
            throw new UsageException("--nodes does not apply with --floor: the floor server does not cluster");
        }
        this.startRooms = integer(v, "start-rooms", 50, 1, 10_000);
        this.stepRooms = integer(v, "step-rooms", 50, 1, 10_000);
        this.maxRooms = integer(v, "max-rooms", 400, 1, 10_000);
        this.p99LimitMillis = integer(v, "p99-limit-ms", 100, 1, 60_000);
        if (command == Command.CAPACITY && maxRooms < startRooms) {
            throw new UsageException("--max-rooms must be at least --start-rooms (" + startRooms + "), got " + maxRooms);
        }
        long bots = (long) (command == Command.CAPACITY ? maxRooms : rooms) * players;
        if (bots > 100_000) {
            throw new UsageException((command == Command.CAPACITY ? "--max-rooms" : "--rooms")
                    + " x --players must be at most 100000 bots, got " + bots);
        }
    }

    /** Parses a command line; throws {@link UsageException} naming the offending option. */
    public static Options parse(String... args) {
        List<String> rest = new ArrayList<>(List.of(args));
        Command command = Command.RUN;
        if (!rest.isEmpty() && !rest.get(0).startsWith("-")) {
            String name = rest.remove(0);
            command = switch (name) {
                case "run" -> Command.RUN;
                case "bench" -> Command.BENCH;
                case "capacity" -> Command.CAPACITY;
                default -> throw new UsageException("unknown command '" + name + "': use run, bench or capacity");
            };
        }
        Set<String> allowed = new java.util.HashSet<>(COMMON);
        if (command == Command.RUN) {
            allowed.add("url");
            allowed.add("insecure");
        } else {
            allowed.addAll(SERVER);
        }
        if (command == Command.BENCH) {
            allowed.addAll(BENCH);
        }
        if (command == Command.CAPACITY) {
            allowed.addAll(CAPACITY);
            allowed.remove("rooms");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("unexpected argument '" + arg + "': options look like --rooms 50");
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!allowed.contains(name)) {
                throw new UsageException("unknown option --" + name + " for " + command.name().toLowerCase()
                        + " (allowed: " + allowed.stream().sorted().map(s -> "--" + s).toList() + ")");
            }
            if (FLAGS.contains(name)) {
                if (value != null) {
                    throw new UsageException("--" + name + " takes no value, got '" + value + "'");
                }
                value = "";
            } else if (value == null) {
                if (i + 1 >= rest.size()) {
                    throw new UsageException("--" + name + " needs a value");
                }
                value = rest.get(++i);
            }
            if (values.put(name, value) != null) {
                throw new UsageException("--" + name + " is given twice");
            }
        }
        return new Options(command, values);
    }

    /** A copy of these options for a run against {@code url} with {@code rooms} rooms, its output in {@code out}. */
    public Options withRun(URI url, int rooms, Path out) {
        return new Options(this, url, rooms, out);
    }

    private Options(Options o, URI url, int rooms, Path out) {
        this.command = o.command;
        this.workload = o.workload;
        this.url = url;
        this.insecure = o.insecure;
        this.rooms = rooms;
        this.players = o.players;
        this.durationSeconds = o.durationSeconds;
        this.warmupSeconds = o.warmupSeconds;
        this.rampPerSecond = o.rampPerSecond;
        this.inputHz = o.inputHz;
        this.seed = o.seed;
        this.out = out;
        this.loops = o.loops;
        this.dropEverySeconds = o.dropEverySeconds;
        this.fullState = o.fullState;
        this.game = o.game;
        this.serverJar = o.serverJar;
        this.floor = o.floor;
        this.nodes = o.nodes;
        this.floorResult = o.floorResult;
        this.jvmFlags = o.jvmFlags;
        this.startRooms = o.startRooms;
        this.stepRooms = o.stepRooms;
        this.maxRooms = o.maxRooms;
        this.p99LimitMillis = o.p99LimitMillis;
    }

    public int bots() {
        return rooms * players;
    }

    private static String require(Map<String, String> v, String name) {
        String value = v.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("--" + name + " is required");
        }
        return value;
    }

    private static int integer(Map<String, String> v, String name, int def, int min, int max) {
        String s = v.get(name);
        if (s == null) {
            return def;
        }
        try {
            int n = Integer.parseInt(s.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException("--" + name + " must be an integer from " + min + " to " + max + ", got '" + s + "'");
    }

    private static long longValue(Map<String, String> v, String name, long def) {
        String s = v.get(name);
        if (s == null) {
            return def;
        }
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be an integer, got '" + s + "'");
        }
    }

    @Override
    public String toString() {
        return command.name().toLowerCase() + (url != null ? " --url " + url : "") + (insecure ? " --insecure" : "")
                + " --workload " + workload.option()
                + (floor ? " --floor" : "") + (nodes > 1 ? " --nodes " + nodes : "")
                + " --rooms " + rooms + " --players "
                + players + " --duration " + durationSeconds + " --warmup " + warmupSeconds + " --ramp " + rampPerSecond
                + " --input-hz " + inputHz + " --seed " + seed + " --loops " + loops + (game != null ? " --game " + game : "")
                + (dropEverySeconds > 0 ? " --drop-every " + dropEverySeconds : "") + (fullState ? " --full-state" : "")
                + " --out " + out;
    }
}
