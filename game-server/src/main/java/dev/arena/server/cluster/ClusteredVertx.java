package dev.arena.server.cluster;

import dev.arena.server.config.ClusterConfig;
import dev.arena.server.metrics.PrometheusRegistryFactory;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * Starts a Vert.x that has joined the cluster: Hazelcast configured by
 * {@link HazelcastSettings}, the event bus on {@code cluster.host}. The
 * future completes once this node is a member.
 */
public final class ClusteredVertx {
    private ClusteredVertx() {
    }

    public static Future<Vertx> start(PrometheusMeterRegistry registry, VertxOptions options, ClusterConfig cluster) {
        options.getEventBusOptions().setHost(cluster.host()).setPort(cluster.eventBusPort())
                .setClusterPublicHost(cluster.host());
        HazelcastClusterManager manager = new HazelcastClusterManager(HazelcastSettings.of(cluster));
        return PrometheusRegistryFactory.vertxBuilder(registry, options).withClusterManager(manager).buildClustered();
    }
}
