package dev.arena.server.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shaded jar run as a child process with {@code java -jar}, as an operator
 * runs it, for the integration tests ({@code *IT}, which Maven runs after
 * {@code package}). Its standard output and error are collected line by
 * line; a test waits for a line by its content or for the exit, never for a
 * fixed time. {@link #close} kills whatever is still running.
 */
public final class JarProcess implements AutoCloseable {
    /** Long enough for a JVM to start on a busy 2-core machine. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** The game-server jar, passed by failsafe (game-server/pom.xml). */
    public static final Path GAME_SERVER_JAR = Path.of(System.getProperty("gameServer.jar", "target/game-server.jar"));
    /** The first line a started server logs: its ports and transport. */
    public static final Pattern STARTED = Pattern.compile(
            "arena game-server (\\S+) \\(commit (\\S+)\\) on https?://localhost:(\\d+)/ \\(WebSocket /ws\\), "
                    + "management on port (\\d+), transport (\\w+)");

    private final Process process;
    private final Lines stdout = new Lines();
    private final Lines stderr = new Lines();

    private JarProcess(Process process) {
        this.process = process;
        stdout.collect(process.getInputStream(), "stdout-" + process.pid());
        stderr.collect(process.getErrorStream(), "stderr-" + process.pid());
    }

    /**
     * Starts {@code java [jvmOptions] -jar jar [args]} with the JVM running the
     * tests, in an environment without {@code ARENA_*} variables but those given.
     */
    public static JarProcess start(Path jar, List<String> jvmOptions, List<String> args, Map<String, String> env)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar + " is missing: integration tests run after `package` (mvn verify)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("ARENA_"));
        builder.environment().putAll(env);
        return new JarProcess(builder.start());
    }

    /**
     * Starts the game server on loopback with ports chosen by the OS and waits
     * for its start-up line.
     *
     * @param jvmOptions more options, such as {@code -Darena.log.format=json}
     * @return the server; {@link #started()} has its ports
     */
    public static JarProcess startServer(String... jvmOptions) throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(List.of("-Darena.http.host=127.0.0.1", "-Darena.http.port=0",
                "-Darena.management.host=127.0.0.1", "-Darena.management.port=0"));
        options.addAll(List.of(jvmOptions));
        JarProcess server = start(GAME_SERVER_JAR, options, List.of(), Map.of());
        try {
            server.awaitStdout(STARTED);
        } catch (AssertionError e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The start-up line's fields: group 1 version, 2 commit, 3 game port, 4 management port, 5 transport. */
    public Matcher started() {
        for (String line : stdout()) {
            Matcher m = STARTED.matcher(unescapeSlashes(line));
            if (m.find()) {
                return m;
            }
        }
        throw new AssertionError("the server logged no start-up line:\n" + String.join("\n", stdout()));
    }

    public int httpPort() {
        return Integer.parseInt(started().group(3));
    }

    /** Waits for a line of standard output that contains a match of {@code pattern} and returns it. */
    public String awaitStdout(Pattern pattern) {
        String line = stdout.await(pattern);
        if (line == null) {
            throw new AssertionError("no line /" + pattern + "/ in the output"
                    + (process.isAlive() ? " within " + TIMEOUT : " (exited with " + process.exitValue() + ")")
                    + ":\n" + String.join("\n", stdout()) + "\nerrors:\n" + String.join("\n", stderr()));
        }
        return line;
    }

    /** Sends SIGTERM, as a process manager stopping the server does. */
    public void terminate() {
        // Not Process.destroy(): it also closes our ends of the pipes, losing what the process logs as it stops.
        process.toHandle().destroy();
    }

    /** Waits for the process to exit and for its output to be read; returns the exit status. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + timeout + "; output:\n" + String.join("\n", stdout()));
        }
        return process.exitValue();
    }

    public List<String> stdout() {
        return stdout.snapshot();
    }

    public List<String> stderr() {
        return stderr.snapshot();
    }

    /** Standard output then error, each read to its end (call after the exit). */
    public List<String> output() {
        List<String> all = new ArrayList<>(stdout.toEnd());
        all.addAll(stderr.toEnd());
        return all;
    }

    /** Logback's JSON lines write "/" as "\\/"; patterns are written for the text. */
    private static String unescapeSlashes(String line) {
        return line.replace("\\/", "/");
    }

    /** One output stream of the process, read by its own thread. */
    private static final class Lines {
        private final List<String> lines = new ArrayList<>();
        private boolean ended;

        void collect(InputStream in, String name) {
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        synchronized (this) {
                            lines.add(line);
                            notifyAll();
                        }
                    }
                } catch (IOException closed) {
                    // The process is gone: what was read is all there is.
                } finally {
                    synchronized (this) {
                        ended = true;
                        notifyAll();
                    }
                }
            }, "jar-" + name);
            reader.setDaemon(true);
            reader.start();
        }

        /**
         * The first line matching (JSON's escaped slashes read as slashes), waiting for more output; null when
         * the stream ends or time runs out first.
         */
        synchronized String await(Pattern pattern) {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            for (int seen = 0; ; seen++) {
                while (seen == lines.size()) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (ended || left <= 0) {
                        return null;
                    }
                    waitAtMost(left);
                }
                if (pattern.matcher(unescapeSlashes(lines.get(seen))).find()) {
                    return lines.get(seen);
                }
            }
        }

        synchronized List<String> toEnd() {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!ended && System.nanoTime() < deadline) {
                waitAtMost(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            }
            return List.copyOf(lines);
        }

        synchronized List<String> snapshot() {
            return List.copyOf(lines);
        }

        private void waitAtMost(long millis) {
            try {
                wait(Math.max(1, millis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
