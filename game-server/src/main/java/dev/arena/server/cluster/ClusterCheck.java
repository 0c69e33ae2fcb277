package dev.arena.server.cluster;

import dev.arena.server.ops.CheckResult;
import dev.arena.server.ops.ReadinessCheck;
import io.vertx.core.Future;

/**
 * {@code /ready} fails while this node is not in the cluster's directory:
 * before it has joined and published itself, once it has started to stop,
 * and if its Hazelcast member has shut down (a lost network partition that
 * could not merge back).
 */
public final class ClusterCheck implements ReadinessCheck {
    private final ClusteredDirectory directory;

    public ClusterCheck(ClusteredDirectory directory) {
        this.directory = directory;
    }

    @Override
    public String name() {
        return "cluster";
    }

    @Override
    public Future<CheckResult> check() {
        int members = directory.members();
        return Future.succeededFuture(directory.joined()
                ? CheckResult.passed("node " + directory.nodeId() + ", one of " + members + " members")
                : CheckResult.failed(members == 0 ? "not a member of the cluster" : "not in the cluster's directory"));
    }
}
