package dev.arena.server.transport;

import dev.arena.server.config.ManagementConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * The operators' HTTP server, on its own port so game traffic never reaches
 * it: {@code GET /health} (liveness) and {@code GET /metrics} (Prometheus
 * text format).
 */
public final class ManagementVerticle extends VerticleBase {
    private final ManagementConfig config;
    private final PrometheusMeterRegistry registry;
    private HttpServer server;

    public ManagementVerticle(ManagementConfig config, PrometheusMeterRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
        router.get("/metrics").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .end(registry.scrape()));
        server = vertx.createHttpServer().requestHandler(router);
        return server.listen(config.port(), config.host());
    }

    public int actualPort() {
        return server.actualPort();
    }
}
