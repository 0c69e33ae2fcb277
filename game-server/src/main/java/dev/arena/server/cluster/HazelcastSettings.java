package dev.arena.server.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import dev.arena.server.config.ClusterConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;

import java.util.List;

/**
 * The Hazelcast configuration of a node, built from {@code cluster.*} alone.
 * Vert.x's bundled default and a plain {@code new Config()} both turn
 * multicast on (and the latter cloud auto-detection too): a node must never
 * look for members the operator did not name, so every discovery mechanism
 * but TCP/IP to {@code cluster.members} is switched off here, Hazelcast binds
 * {@code cluster.host} only and never phones home.
 */
public final class HazelcastSettings {
    /** The rooms of every node ({@link DirectoryRecords}), one backup so a member's death loses none but its own. */
    static final String ROOMS_MAP = "arena.rooms";
    /** Every node's record: its URL, games and capacity. */
    static final String NODES_MAP = "arena.nodes";

    private HazelcastSettings() {
    }

    public static Config of(ClusterConfig cluster) {
        // From Vert.x's own base so its internal maps (__vertx.subs, __vertx.nodeInfo) keep their settings.
        Config config = ConfigUtil.loadConfig();
        config.setClusterName("arena");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        // Otherwise every node but the first waits 5 s before it joins.
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.logging.type", "slf4j");
        // A member whose process died closes its sockets and is removed at once; one cut off without a word
        // (a pulled cable) is declared dead after this, so its rooms leave the directory within seconds.
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "5");
        config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
        config.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
        config.getJetConfig().setEnabled(false);

        NetworkConfig network = config.getNetworkConfig();
        network.setPort(cluster.port()).setPortAutoIncrement(false);
        network.setPublicAddress(cluster.host() + ":" + cluster.port());
        network.getInterfaces().setEnabled(true).setInterfaces(List.of(cluster.host()));
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getAwsConfig().setEnabled(false);
        join.getGcpConfig().setEnabled(false);
        join.getAzureConfig().setEnabled(false);
        join.getKubernetesConfig().setEnabled(false);
        join.getEurekaConfig().setEnabled(false);
        join.getDiscoveryConfig().getDiscoveryStrategyConfigs().clear();
        join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members().stream().map(Object::toString).toList())
                .setConnectionTimeoutSeconds(2);

        config.addMapConfig(new MapConfig(ROOMS_MAP).setBackupCount(1));
        config.addMapConfig(new MapConfig(NODES_MAP).setBackupCount(1));
        return config;
    }
}
