package dev.arena.loadtest;

import dev.arena.server.config.ConfigLoader;
import dev.arena.loadtest.floor.FloorServer;
import dev.arena.loadtest.floor.FloorSettings;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The game server jar (or the floor server, {@link #startFloor}) as a child
 * process on free loopback ports, for the bench runner: started with the JVM
 * flags under test and the settings the workload needs ({@code room.capacity
 * = P}, enough rooms, a per-address connection cap that holds every bot),
 * waited for until
 * it accepts connections, measured through {@code /proc}, and always
 * stopped: by {@link #close} and, if this JVM is interrupted, by a shutdown
 * hook.
 */
final class ServerProcess implements BenchServer {
    private static final long START_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final Process process;
    private final int httpPort;
    private final int managementPort;
    private final Path log;
    private final Thread hook;

    private ServerProcess(Process process, int httpPort, int managementPort, Path log) {
        this.process = process;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.log = log;
        this.hook = new Thread(this::destroy, "arena-bench-server-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Starts the server and returns once its players' port accepts connections.
     *
     * @param settings configuration keys of the workload (config/README.md), set as {@code -Darena.<key>}
     * @param log      where the server's output goes
     */
    static ServerProcess start(Path jar, List<String> jvmFlags, int rooms, int players, Map<String, String> settings,
                               Path log) throws IOException {
        ServerProcess server = launch(command(jar, jvmFlags, rooms, players, settings, freePort(), List.of()), log);
        try {
            server.awaitAccepting();
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The command of one server JVM; {@code more} are -D options that follow the workload's. */
    static List<String> command(Path jar, List<String> jvmFlags, int rooms, int players, Map<String, String> settings,
                                int http, List<String> more) throws IOException {
        int management = freePort();
        while (management == http) {
            management = freePort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        // After the flags under test, so these always hold: loopback only, P players a room, room for R rooms.
        command.add("-Darena.http.host=127.0.0.1");
        command.add("-Darena.http.port=" + http);
        command.add("-Darena.management.host=127.0.0.1");
        command.add("-Darena.management.port=" + management);
        command.add("-Darena.room.capacity=" + players);
        command.add("-Darena.room.maxRooms=" + Math.max(rooms + 10, 500));
        // Every bot connects from this machine's one address: the per-address cap must hold them all.
        long bots = (long) rooms * players;
        command.add("-Darena.http.maxConnectionsPerIp=" + (bots + 64));
        command.add("-Darena.http.maxConnections=" + Math.max(20_000, bots + 64));
        settings.forEach((key, value) -> command.add("-D" + ConfigLoader.PROPERTY_PREFIX + key + "=" + value));
        command.addAll(more);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        return command;
    }

    /**
     * Starts the floor server ({@link FloorServer}, from this tool's own jar
     * or class path) with the JVM flags under test and its arena-bench
     * defaults, and returns once it accepts connections. It has no
     * management port.
     */
    static ServerProcess startFloor(List<String> jvmFlags, Path log) throws IOException {
        int http = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(FloorServer.class.getName());
        command.addAll(FloorSettings.defaults().on("127.0.0.1", http).toArgs());
        ServerProcess server = launch(command, log);
        try {
            server.awaitAccepting();
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** Starts the process of {@code command} (its ports are read from its -Darena options) without waiting. */
    static ServerProcess launch(List<String> command, Path log) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new ServerProcess(process, portOf(command, "-Darena.http.port=", "--port"),
                portOf(command, "-Darena.management.port=", null), log);
    }

    private static int portOf(List<String> command, String property, String option) {
        for (int i = 0; i < command.size(); i++) {
            if (command.get(i).startsWith(property)) {
                return Integer.parseInt(command.get(i).substring(property.length()));
            }
            if (option != null && command.get(i).equals(option) && i + 1 < command.size()) {
                return Integer.parseInt(command.get(i + 1));
            }
        }
        return -1;
    }

    @Override
    public int httpPort() {
        return httpPort;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public long[] syscallsAndSwitches() {
        return ProcStat.syscallsAndSwitches(process.pid());
    }

    /** User + system CPU time so far, nanoseconds. */
    long cpuNanos() {
        return ProcStat.cpuNanos(process.pid());
    }

    /** {user, system} CPU time so far, nanoseconds; null when unreadable. */
    @Override
    public long[] userSystemNanos() {
        return ProcStat.userSystemNanos(process.pid());
    }

    @Override
    public long peakRssBytes() {
        return ProcStat.peakRssBytes(process.pid());
    }

    /** Waits until the players' port accepts connections (60 s at most). */
    void awaitAccepting() throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT_NANOS;
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("the server exited with status " + process.exitValue() + " before accepting connections; "
                        + "its log " + log + " ends with:\n" + tail());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), httpPort), 500);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IOException("the server did not accept connections on port " + httpPort + " within 60 s; "
                            + "its log " + log + " ends with:\n" + tail());
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
    }

    /**
     * The server's own counters of trouble, summed over their labels, from
     * its Prometheus scrape: errors seen from the server's side. With views,
     * also the mean grid cells encoded per send tick since the server
     * started ({@code viewCellsEncodedPerSendTick}), which the bots cannot see.
     */
    @Override
    public Map<String, Double> troubleCounters() {
        Map<String, Double> out = new TreeMap<>();
        if (managementPort < 0) {
            return out; // the floor server counts nothing
        }
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + managementPort + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            double[] cells = new double[2];
            for (String line : response.body().split("\n")) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                int brace = line.indexOf('{');
                int space = line.lastIndexOf(' ');
                String name = line.substring(0, brace >= 0 ? brace : line.indexOf(' '));
                if (name.equals("arena_view_cells_encoded_sum") || name.equals("arena_view_cells_encoded_count")) {
                    cells[name.endsWith("_sum") ? 0 : 1] = Double.parseDouble(line.substring(space + 1));
                }
                if (name.matches("arena_(joins_refused|frames_rejected|connections_closed|inputs_dropped|snapshots_skipped"
                        + "|ticks_dropped|ticks_slow|rooms_failed|joins|connections_opened|resumes)_total")) {
                    String key = name.substring("arena_".length(), name.length() - "_total".length());
                    if (name.equals("arena_connections_closed_total") && brace >= 0) {
                        key += "." + line.substring(brace + 1, line.indexOf('}')).replaceAll(".*reason=\"([^\"]*)\".*", "$1");
                    } else if (name.equals("arena_resumes_total") && brace >= 0) {
                        // By result: resumed and taken_over are the server's successes, expired and unknown its refusals.
                        key += "." + line.substring(brace + 1, line.indexOf('}')).replaceAll(".*result=\"([^\"]*)\".*", "$1");
                    }
                    out.merge(key, Double.parseDouble(line.substring(space + 1)), Double::sum);
                }
            }
            if (cells[1] > 0) {
                out.put("viewCellsEncodedPerSendTick", Math.rint(cells[0] / cells[1] * 10) / 10);
            }
        } catch (IOException | RuntimeException e) {
            out.put("scrapeFailed", 1.0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** Stops the server (SIGTERM, so it closes its players with 1001 and a JFR recording is dumped), then kills it if it hangs. */
    @Override
    public void close() {
        destroy();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it does the same.
        }
    }

    private void destroy() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until {@code /ready} answers 200: for a clustered node, until it has joined (60 s at most). */
    void awaitReady() throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT_NANOS;
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        while (true) {
            try {
                if (client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (!process.isAlive() || System.nanoTime() - deadline > 0) {
                throw new IOException("the server was not ready within 60 s; its log " + log + " ends with:\n" + tail());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
