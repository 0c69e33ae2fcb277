package dev.arena.server.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.function.IntSupplier;

/**
 * The cluster as one node sees it; a lone node counts itself, a cluster of
 * one. docs/OPERATIONS.md lists the meter. (Redirects and expired
 * reservations are {@link GameMetrics}', at zero on a lone node.)
 */
public final class ClusterMetrics {
    public ClusterMetrics(MeterRegistry registry, IntSupplier members) {
        // A strong reference: Micrometer otherwise holds gauge state weakly and reports NaN once it is collected.
        Gauge.builder("arena.cluster.members", members, IntSupplier::getAsInt).strongReference(true)
                .description("Members of the cluster as this node sees them, itself included (1 alone; 0 once it has left)")
                .register(registry);
    }
}
