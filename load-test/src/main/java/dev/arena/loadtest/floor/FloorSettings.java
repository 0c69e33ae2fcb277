package dev.arena.loadtest.floor;

import dev.arena.loadtest.UsageException;

import java.util.List;

/**
 * The floor server's command line, {@code --option value ...}; the defaults
 * are the game server's own for arena-bench, so the floor carries the same
 * traffic.
 *
 * @param host               address to bind
 * @param port               port to bind, 0 for any free one
 * @param eventLoops         event loops the sockets are spread over: the game server's {@code http.instances} (2)
 * @param updateBytes        bytes of every DELTA: the arena-bench mean
 * @param tickHz             DELTAs per second per client: arena-bench's {@code room.sendHz} (20)
 * @param pingIntervalMillis a PING per client this often, 0 for none: the game server's
 *                           {@code session.pingIntervalMillis} (2000)
 * @param writeQueueMaxBytes a client whose socket holds more unsent bytes is skipped for the tick:
 *                           the game server's {@code session.writeQueueMaxBytes} (65536)
 */
public record FloorSettings(String host, int port, int eventLoops, int updateBytes, int tickHz, int pingIntervalMillis,
                            int writeQueueMaxBytes) {
    /**
     * The mean DELTA of an arena-bench room as {@code SnapshotSizeTest}
     * (game-server tests, room package) measures it through the real
     * encoder: 172.1 bytes (docs/PERFORMANCE.md, "Bytes on the wire").
     * Measure again and change this when the wire format changes.
     */
    public static final int ARENA_BENCH_UPDATE_BYTES = 172;

    public static final String USAGE = """
            usage: java -cp load-test.jar dev.arena.loadtest.floor.FloorServer [--host 127.0.0.1] [--port 0]
                     [--event-loops 2] [--update-bytes %d] [--tick-hz 20] [--ping-interval-ms 2000]
                     [--write-queue-max-bytes 65536]
            A bare Netty WebSocket server at /ws that plays the arena-bench traffic without a game: it answers
            JOIN with WELCOME and a SNAPSHOT, reads every INPUT's seq, and writes every joined client one DELTA
            of --update-bytes bytes a tick carrying its latest seq as its player's lastSeq.""".formatted(ARENA_BENCH_UPDATE_BYTES);

    /** The arena-bench defaults on loopback, any free port. */
    public static FloorSettings defaults() {
        return new FloorSettings("127.0.0.1", 0, 2, ARENA_BENCH_UPDATE_BYTES, 20, 2000, 65536);
    }

    /** Parses {@code --option value} pairs; throws {@link UsageException} naming the option. */
    public static FloorSettings parse(String... args) {
        FloorSettings s = defaults();
        String host = s.host;
        int port = s.port;
        int loops = s.eventLoops;
        int bytes = s.updateBytes;
        int hz = s.tickHz;
        int ping = s.pingIntervalMillis;
        int queue = s.writeQueueMaxBytes;
        List<String> rest = List.of(args);
        for (int i = 0; i < rest.size(); i += 2) {
            String name = rest.get(i);
            if (i + 1 >= rest.size()) {
                throw new UsageException(name + " needs a value");
            }
            String value = rest.get(i + 1);
            switch (name) {
                case "--host" -> host = value;
                case "--port" -> port = integer(name, value, 0, 65535);
                case "--event-loops" -> loops = integer(name, value, 1, 64);
                case "--update-bytes" -> bytes = integer(name, value, FloorWorld.MIN_UPDATE_BYTES, FloorWorld.MAX_UPDATE_BYTES);
                case "--tick-hz" -> hz = integer(name, value, 1, 120);
                case "--ping-interval-ms" -> ping = integer(name, value, 0, 3_600_000);
                case "--write-queue-max-bytes" -> queue = integer(name, value, 1024, 1 << 24);
                default -> throw new UsageException("unknown option '" + name + "'");
            }
        }
        return new FloorSettings(host, port, loops, bytes, hz, ping, queue);
    }

    /** These settings bound to {@code host} and {@code port}. */
    public FloorSettings on(String host, int port) {
        return new FloorSettings(host, port, eventLoops, updateBytes, tickHz, pingIntervalMillis, writeQueueMaxBytes);
    }

    /** The command line that gives these settings. */
    public List<String> toArgs() {
        return List.of("--host", host, "--port", Integer.toString(port), "--event-loops", Integer.toString(eventLoops),
                "--update-bytes", Integer.toString(updateBytes), "--tick-hz", Integer.toString(tickHz),
                "--ping-interval-ms", Integer.toString(pingIntervalMillis),
                "--write-queue-max-bytes", Integer.toString(writeQueueMaxBytes));
    }

    /** Ticks between two PINGs of one client, or 0 for none. */
    int pingTicks() {
        return pingIntervalMillis == 0 ? 0 : Math.max(1, Math.round(pingIntervalMillis * tickHz / 1000f));
    }

    private static int integer(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException(name + " must be an integer from " + min + " to " + max + ", got '" + value + "'");
    }
}
