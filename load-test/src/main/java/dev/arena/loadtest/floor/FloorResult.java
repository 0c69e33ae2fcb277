package dev.arena.loadtest.floor;

import dev.arena.loadtest.UsageException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A floor run's {@code result.json} ({@code bench --floor}), by which a
 * server run divides its CPU ({@code bench --floor-result FILE}). Read and
 * checked when the command line is parsed, so a wrong file fails before a
 * long run: it must be an arena-bench result of the floor server with a CPU
 * figure. A workload, JVM flags or a time that differ from the run compared
 * with it are warnings: the ratio is still computed, but it is not a pair
 * "measured in one sitting on the same workload" (BENCHMARK.md, "Comparing").
 */
public final class FloorResult {
    /** Runs further apart than this were not measured in one sitting. */
    static final Duration SITTING = Duration.ofHours(1);
    /** Parameters that differ between two runs of one workload: the mode and the server's port. */
    private static final Set<String> NOT_WORKLOAD = Set.of("mode", "url");

    public final Path file;
    public final Instant startedAt;
    public final double cpuPerThousandPlayersPerMinute;
    /** NaN when the file does not have it. */
    public final double userCpuPerThousandPlayersPerMinute;
    public final double systemCpuPerThousandPlayersPerMinute;
    private final JsonObject parameters;
    private final List<String> jvmFlags;
    private final boolean clean;
    private final long errors;

    private FloorResult(Path file, JsonObject json) {
        this.file = file;
        if (!"arena-bench".equals(json.getValue("benchmark"))) {
            throw invalid(file, "not an arena-bench result (no \"benchmark\": \"arena-bench\")");
        }
        JsonObject server = object(json, "server");
        if (server == null) {
            throw invalid(file, "a run without a server process (run mode): make the floor result with bench --floor");
        }
        if (!"floor".equals(server.getValue("kind"))) {
            throw invalid(file, "a run of " + (server.getValue("kind") == null ? "a server" : server.getValue("kind"))
                    + ", not of the floor server: make it with bench --floor");
        }
        double cpu = number(server, "cpuSecondsPer1000PlayersPerMinute");
        if (!(cpu > 0)) {
            throw invalid(file, "no positive server.cpuSecondsPer1000PlayersPerMinute: the floor run measured no CPU");
        }
        this.cpuPerThousandPlayersPerMinute = cpu;
        this.userCpuPerThousandPlayersPerMinute = number(server, "userCpuSecondsPer1000PlayersPerMinute");
        this.systemCpuPerThousandPlayersPerMinute = number(server, "systemCpuSecondsPer1000PlayersPerMinute");
        this.parameters = object(json, "parameters") == null ? new JsonObject() : object(json, "parameters");
        JsonArray flags = server.getValue("jvmFlags") instanceof JsonArray a ? a : new JsonArray();
        this.jvmFlags = flags.stream().map(String::valueOf).toList();
        this.clean = Boolean.TRUE.equals(json.getValue("clean"));
        JsonObject errorsJson = object(json, "errors");
        this.errors = errorsJson != null && errorsJson.getValue("total") instanceof Number n ? n.longValue() : 0;
        Instant started;
        try {
            started = json.getValue("startedAt") instanceof String s ? Instant.parse(s) : null;
        } catch (DateTimeParseException e) {
            started = null;
        }
        this.startedAt = started;
    }

    /** Reads and checks a floor run's result; a {@link UsageException} naming {@code --floor-result} says what is wrong. */
    public static FloorResult read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw invalid(file, "cannot be read (" + e + ")");
        }
        return parse(file, text);
    }

    /** Checks a floor run's result given as text. */
    public static FloorResult parse(Path file, String text) {
        JsonObject json;
        try {
            json = new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            throw invalid(file, "is not a JSON object: " + e.getMessage());
        }
        return new FloorResult(file, json);
    }

    /** {@code server / floor}, NaN when either is missing (not a positive figure). */
    public static double ratio(double server, double floor) {
        return server >= 0 && floor > 0 ? server / floor : Double.NaN;
    }

    /**
     * Compares a run with this floor: its server CPU per 1,000 players per
     * minute (total, user, system) divided by the floor's, and a warning for
     * each way the pair is not like for like.
     *
     * @param parameters the run's {@code parameters} object
     * @param jvmFlags   the JVM flags of the run's server
     * @param startedAt  when the run started
     */
    public FloorComparison compare(double cpu, double userCpu, double systemCpu, JsonObject parameters, List<String> jvmFlags,
                              Instant startedAt) {
        return new FloorComparison(this, ratio(cpu, cpuPerThousandPlayersPerMinute),
                ratio(userCpu, userCpuPerThousandPlayersPerMinute), ratio(systemCpu, systemCpuPerThousandPlayersPerMinute),
                warnings(parameters, jvmFlags, startedAt));
    }

    /** Each way a run with these parameters, server JVM flags and start differs from this floor run. */
    public List<String> warnings(JsonObject parameters, List<String> jvmFlags, Instant startedAt) {
        List<String> warnings = new ArrayList<>();
        Set<String> names = new TreeSet<>(parameters.fieldNames());
        names.addAll(this.parameters.fieldNames());
        names.removeAll(NOT_WORKLOAD);
        List<String> differences = new ArrayList<>();
        for (String name : names) {
            Object here = parameters.getValue(name);
            Object there = this.parameters.getValue(name);
            if (!same(here, there)) {
                differences.add(name + " " + here + " here, " + there + " in the floor run");
            }
        }
        if (!differences.isEmpty()) {
            warnings.add("the floor run had another workload: " + String.join("; ", differences));
        }
        if (!jvmFlags.equals(this.jvmFlags)) {
            warnings.add("the floor ran with JVM flags " + this.jvmFlags + ", this server with " + jvmFlags);
        }
        if (!clean) {
            warnings.add("the floor run was not clean (" + errors + " errors, or bots that did not join or stay)");
        }
        if (this.startedAt == null) {
            warnings.add("the floor result has no startedAt: it cannot be shown to be of this sitting");
        } else if (startedAt != null && Duration.between(this.startedAt, startedAt).abs().compareTo(SITTING) > 0) {
            warnings.add(String.format(Locale.ROOT, "the floor run started %.1f hours from this one: compare pairs "
                    + "measured back to back in one sitting", Duration.between(this.startedAt, startedAt).abs().toMinutes() / 60.0));
        }
        return warnings;
    }

    /** Numbers compare by value (a parsed 1 and a written 1L are the same), everything else by equals. */
    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        return a == null ? b == null : a.equals(b);
    }

    private static JsonObject object(JsonObject json, String key) {
        return json.getValue(key) instanceof JsonObject o ? o : null;
    }

    private static double number(JsonObject json, String key) {
        return json.getValue(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static UsageException invalid(Path file, String why) {
        return new UsageException("--floor-result " + file + ": " + why);
    }
}
