package dev.arena.server.ops;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus ({@code /usr/bin/prometheus}) on a free loopback port,
 * scraping one management port every second into a temporary TSDB. Closing it
 * kills the process it started (and only that one).
 */
final class PrometheusServer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private PrometheusServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts Prometheus and waits until it is ready.
     *
     * @param dir        an empty folder for its configuration, data and log
     * @param targetPort the management port to scrape (job "arena")
     */
    static PrometheusServer start(Path dir, int targetPort) throws Exception {
        return start(dir, targetPort, "");
    }

    /**
     * @param jobSettings more settings of the scrape job, indented four spaces (e.g. an
     *                    {@code authorization} block)
     */
    static PrometheusServer start(Path dir, int targetPort, String jobSettings) throws Exception {
        Path binary = RequiredBinary.locate("prometheus");
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: arena
                %s    static_configs:
                      - targets: ["127.0.0.1:%d"]
                """.formatted(jobSettings, targetPort));
        int port = freeLoopbackPort();
        Path log = dir.resolve("prometheus.log");
        Process process = new ProcessBuilder(binary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusServer server = new PrometheusServer(process, port, log);
        try {
            // Refused connections mean "not up yet"; a process that exited fails at once.
            await("Prometheus ready on port " + port).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptionsInstanceOf(IOException.class).until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("prometheus exited with " + process.exitValue() + ": " + server.log());
                        }
                        return server.get("/-/ready").statusCode() == 200;
                    });
        } catch (Exception | Error e) {
            server.close();
            throw new AssertionError(e.getMessage() + "\nprometheus log:\n" + server.log(), e);
        }
        return server;
    }

    /** Port 0 is not an option for Prometheus: it does not report the port it got. */
    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code /api/v1/query}: the instant vector's samples, each {@code {"metric":{..},"value":[t,"v"]}}. */
    JsonArray query(String promql) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        JsonObject body = new JsonObject(response.body());
        if (response.statusCode() != 200 || !"success".equals(body.getString("status"))) {
            throw new IllegalStateException("query " + promql + " failed: " + response.body());
        }
        return body.getJsonObject("data").getJsonArray("result");
    }

    /** The value of a query that yields exactly one sample, or null while it yields none. */
    Double single(String promql) throws IOException, InterruptedException {
        JsonArray result = query(promql);
        if (result.isEmpty()) {
            return null;
        }
        if (result.size() > 1) {
            throw new IllegalStateException(promql + " gave " + result.size() + " samples: " + result);
        }
        return Double.valueOf(result.getJsonObject(0).getJsonArray("value").getString(1));
    }

    /** Each scrape target's health and last error, for failure messages. */
    String targets() {
        try {
            JsonArray active = new JsonObject(get("/api/v1/targets").body()).getJsonObject("data").getJsonArray("activeTargets");
            StringBuilder out = new StringBuilder();
            active.forEach(t -> {
                JsonObject target = (JsonObject) t;
                out.append(target.getString("scrapeUrl")).append(": ").append(target.getString("health"))
                        .append(' ').append(target.getString("lastError")).append('\n');
            });
            return out.toString();
        } catch (Exception e) {
            return "(targets unavailable: " + e + ")";
        }
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no log)";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
