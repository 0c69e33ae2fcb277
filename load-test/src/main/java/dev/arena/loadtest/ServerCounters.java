package dev.arena.loadtest;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's refusal counters, by reason, from its Prometheus scrape:
 * what the {@code hostile} command's attacks made the server count.
 */
final class ServerCounters {
    private static final Pattern LINE = Pattern.compile(
            "arena_(upgrades_refused|frames_rejected|connections_closed)_total\\{[^}]*reason=\"([a-z_]+)\"[^}]*} (\\S+)");

    private ServerCounters() {
    }

    /** {@code upgrades_refused.origin -> 2.0}, ... */
    static Map<String, Double> scrape(URI metrics) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(metrics + " answered " + response.statusCode());
        }
        Map<String, Double> counters = new TreeMap<>();
        for (String line : response.body().split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                counters.put(m.group(1) + "." + m.group(2), Double.parseDouble(m.group(3)));
            }
        }
        return counters;
    }

    /** The counters that grew, by how much. */
    static JsonObject delta(Map<String, Double> before, Map<String, Double> after) {
        JsonObject grown = new JsonObject();
        after.forEach((key, value) -> {
            double d = value - before.getOrDefault(key, 0.0);
            if (d > 0) {
                grown.put(key, (long) d);
            }
        });
        return grown;
    }
}
