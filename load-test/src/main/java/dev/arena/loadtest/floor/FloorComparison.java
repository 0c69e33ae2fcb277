package dev.arena.loadtest.floor;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Locale;

/**
 * A run's server CPU per 1,000 players per minute divided by a floor run's
 * ({@link FloorResult#compare}): in total, user and system time, and the
 * warnings that say where the pair is not like for like. A ratio is NaN where
 * a figure is missing.
 */
public record FloorComparison(FloorResult floor, double cpuRatio, double userCpuRatio, double systemCpuRatio,
                              List<String> warnings) {
    /** Adds {@code cpuRatioToFloor}, the user and system ratios and the floor's own figures to a run's {@code server} object. */
    public JsonObject addTo(JsonObject server) {
        return server.put("cpuRatioToFloor", roundOrNull(cpuRatio))
                .put("userCpuRatioToFloor", roundOrNull(userCpuRatio))
                .put("systemCpuRatioToFloor", roundOrNull(systemCpuRatio))
                .put("floor", new JsonObject()
                        .put("result", floor.file.toString())
                        .put("startedAt", floor.startedAt == null ? null : floor.startedAt.toString())
                        .put("cpuSecondsPer1000PlayersPerMinute", floor.cpuPerThousandPlayersPerMinute)
                        .put("userCpuSecondsPer1000PlayersPerMinute", roundOrNull(floor.userCpuPerThousandPlayersPerMinute))
                        .put("systemCpuSecondsPer1000PlayersPerMinute", roundOrNull(floor.systemCpuPerThousandPlayersPerMinute))
                        .put("warnings", new JsonArray(warnings)));
    }

    /** The lines of the human summary, each indented and ended. */
    public String summary() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "  server CPU to the floor %s (user %s, sys %s; the floor: %.2f s per 1,000 players per minute, %s)%n",
                times(cpuRatio), times(userCpuRatio), times(systemCpuRatio), floor.cpuPerThousandPlayersPerMinute, floor.file));
        for (String warning : warnings) {
            b.append("  warning: ").append(warning).append(System.lineSeparator());
        }
        return b.toString();
    }

    /** "1.42x", or "n/a" for a ratio that could not be computed. */
    public static String times(double ratio) {
        return Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.2fx", ratio) : "n/a";
    }

    private static Double roundOrNull(double v) {
        return Double.isFinite(v) ? Math.round(v * 1000) / 1000.0 : null;
    }
}
