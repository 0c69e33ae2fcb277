package dev.arena.server.ops;

import dev.arena.server.admin.AdminApi;
import dev.arena.server.config.ManagementConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The operators' HTTP server, on its own port ({@code management.port}) and
 * address ({@code management.host}) so game traffic never reaches it and it
 * can stay private:
 * <ul>
 *   <li>{@code GET /health}: liveness, 200 {@code {"status":"UP"}} with the
 *       build's {@code version} and {@code commit} whenever the process can
 *       answer at all;</li>
 *   <li>{@code GET /ready}: readiness, 200 when every {@link Readiness} check
 *       passes, else 503; both with the checks as JSON;</li>
 *   <li>{@code GET /metrics}: every meter in the Prometheus text format;</li>
 *   <li>{@code /admin/}: the operators' page, and {@code /admin/api/...}
 *       the admin API ({@link AdminApi}).</li>
 * </ul>
 * With {@code management.token} set, {@code /ready}, {@code /metrics} and
 * {@code /admin/api} need {@code Authorization: Bearer <token>} (else 401,
 * counted in {@code arena_management_unauthorized_total}); {@code /health}
 * stays open for liveness probes that cannot send headers, and the admin
 * page's static files for browsers (the page sends the token itself).
 * It is the first part of a server to start and the last to stop, so
 * {@code /ready} answers 503 for the whole shutdown.
 */
public final class ManagementVerticle extends VerticleBase {
    /** The Prometheus text exposition format that {@link PrometheusMeterRegistry#scrape()} writes. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final ManagementConfig config;
    private final PrometheusMeterRegistry registry;
    private final Readiness readiness;
    private final AdminApi admin;
    private HttpServer server;

    public ManagementVerticle(ManagementConfig config, PrometheusMeterRegistry registry, Readiness readiness,
                              AdminApi admin) {
        this.config = config;
        this.registry = registry;
        this.readiness = readiness;
        this.admin = admin;
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        // Probes and scrapes must see the state now, never a cached answer.
        router.route().handler(ctx -> {
            ctx.response().putHeader("Cache-Control", "no-store");
            ctx.next();
        });
        BearerTokenHandler auth = null;
        if (!config.token().isEmpty()) {
            Counter refused = Counter.builder("arena.management.unauthorized")
                    .description("Management requests refused with 401: no or a wrong bearer token")
                    .register(registry);
            auth = new BearerTokenHandler(config.token(), "arena-management", refused::increment);
            router.route("/ready").handler(auth);
            router.route("/metrics").handler(auth);
        }
        BuildInfo build = BuildInfo.current();
        router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")
                .put("version", build.version()).put("commit", build.commit())));
        router.get("/ready").handler(this::ready);
        router.get("/metrics").handler(ctx -> ctx.response().putHeader("Content-Type", PROMETHEUS_TEXT)
                .end(registry.scrape()));
        Future<Void> adminReady = admin.mount(vertx, router, auth, config.host());
        server = vertx.createHttpServer().requestHandler(router);
        return adminReady.compose(v -> server.listen(config.port(), config.host()));
    }

    private void ready(RoutingContext ctx) {
        readiness.evaluate().onComplete(report -> {
            if (report.failed()) {
                ctx.fail(report.cause());
                return;
            }
            ctx.response().setStatusCode(report.result().ready() ? 200 : 503);
            ctx.json(report.result().body());
        });
    }

    /** The port bound. */
    public int actualPort() {
        return server.actualPort();
    }
}
