package dev.arena.loadtest;

import dev.arena.server.ops.BuildInfo;
import io.vertx.core.json.JsonObject;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * {@code java -jar load-test.jar [run|bench|capacity] --option value ...}
 * (see {@link Options#USAGE}), or {@code hostile --url ...} ({@link Hostile}). Progress goes to standard error; the human
 * summary and then the result as one JSON object on one line go to standard
 * output. Exit status: 0 done, 1 the run could not be done, 2 a bad command
 * line (the message names the option).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command line; returns the exit status instead of exiting, for tests. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")
                || (args.length > 0 && args[0].equals("help"))) {
            out.println(Options.USAGE);
            out.println("security check:");
            out.println(Hostile.USAGE);
            return 0;
        }
        if (args.length > 0 && args[0].equals("hostile")) {
            return Hostile.run(args, out, err);
        }
        if (args.length == 1 && args[0].equals("--version")) {
            // The bots share the server's protocol code, so they are always the same build as a server jar beside them.
            out.println(BuildInfo.current().describe("load-test"));
            return 0;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (UsageException e) {
            err.println("arena-bench: " + e.getMessage());
            err.println("run with --help for the options");
            return 2;
        }
        try {
            switch (options.command) {
                case RUN -> report(new LoadRun(options, err, new LoadRun.Listener() { }).run(), out);
                case BENCH -> report(Bench.bench(options, options.rooms, options.out, err), out);
                case CAPACITY -> {
                    JsonObject capacity = Bench.capacity(options, err);
                    Files.createDirectories(options.out);
                    Files.writeString(options.out.resolve("capacity.json"), capacity.encodePrettily() + "\n",
                            StandardCharsets.UTF_8);
                    out.printf("capacity: %d rooms x %d players = %d players with p99 < %.0f ms and no errors%n",
                            capacity.getInteger("capacityRooms"), options.players, capacity.getInteger("capacityPlayers"),
                            options.p99LimitMillis);
                    out.println(capacity.encode());
                }
            }
            return 0;
        } catch (Exception e) {
            err.println("arena-bench failed: " + e);
            return 1;
        }
    }

    private static void report(RunResult result, PrintStream out) throws java.io.IOException {
        Reports.write(result, result.options.out);
        out.print(result.summary());
        out.println("  files: " + result.options.out.toAbsolutePath());
        out.println(result.toJson().encode());
    }
}
