package dev.arena.server.metrics;

import dev.arena.server.ops.BuildInfo;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one place the Prometheus registry and the Vert.x metrics are set up,
 * used by {@code Main} and by the tests' {@code TestServer}, so what the
 * tests scrape is what production serves.
 *
 * <p>The registry gets Vert.x's HTTP server, WebSocket and event-bus meters
 * ({@code vertx_*}), the JVM and process meters Vert.x binds
 * ({@code jvm_*}, {@code process_*}, {@code system_*}), open file
 * descriptors, {@code arena_build_info}, and the game's own {@code arena_*}
 * meters once a {@link MicrometerGameMetrics} is built on it.
 */
public final class PrometheusRegistryFactory {
    /**
     * Default JVM meters that {@code promtool check metrics} refuses (exit 3):
     * their Prometheus names carry a non-base unit ({@code _ms_total},
     * {@code _ns_total}) or end in {@code _count} on a gauge. Nothing we chart
     * needs them.
     */
    public static final Set<String> LINT_FAILING_METERS =
            Set.of("jvm.compilation.time", "process.cpu.time", "system.cpu.count");

    /**
     * vertx-micrometer-metrics keeps one backend per registry name in a static
     * map, so two Vert.x instances in one JVM (tests) with the default name
     * would share the first one's registry. Each Vert.x gets its own name.
     */
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private PrometheusRegistryFactory() {
    }

    /** A new registry with the lint-failing meters denied; its meters are empty until bound. */
    public static PrometheusMeterRegistry newRegistry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // Filters apply to meters registered after them, so this comes before any binding.
        registry.config().meterFilter(MeterFilter.deny(id -> LINT_FAILING_METERS.contains(id.getName())));
        // A WebSocket server runs out of descriptors before it runs out of CPU; Vert.x does not bind this one.
        new FileDescriptorMetrics().bindTo(registry);
        // The Prometheus "info" idiom: always 1, the build in its labels, so a query can join on it
        // (which version runs where, and when a roll-out reached each node).
        BuildInfo build = BuildInfo.current();
        Gauge.builder("arena.build.info", () -> 1)
                .description("always 1; the version and git commit this server was built from are its labels")
                .tags("version", build.version(), "commit", build.commit())
                .register(registry);
        return registry;
    }

    /**
     * A Vert.x whose metrics (HTTP server, WebSocket, event bus, JVM, process)
     * go to {@code registry}, on the native transport where there is one
     * (epoll on Linux), so tests run on the transport production runs on.
     *
     * @param options event-loop sizes and the like; its metrics and transport options are replaced
     */
    public static Vertx newVertx(PrometheusMeterRegistry registry, VertxOptions options) {
        return vertxBuilder(registry, options).build();
    }

    /** As {@link #newVertx}, for a caller that adds to the builder (a cluster manager). */
    public static VertxBuilder vertxBuilder(PrometheusMeterRegistry registry, VertxOptions options) {
        options.setPreferNativeTransport(true);
        options.setMetricsOptions(new MicrometerMetricsOptions()
                .setEnabled(true)
                .setRegistryName("arena-" + SEQUENCE.incrementAndGet())
                .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
                .setJvmMetricsEnabled(true));
        return Vertx.builder().with(options).withMetrics(new MicrometerMetricsFactory(registry));
    }
}
