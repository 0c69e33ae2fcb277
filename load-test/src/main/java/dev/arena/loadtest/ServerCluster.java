package dev.arena.loadtest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@code bench --nodes N}: N game server JVMs clustered on loopback
 * (docs/CLUSTER.md), each with the workload's settings, joined to one
 * another by {@code cluster.members} on free ports. The bots connect to the
 * first node and follow its redirects; CPU, memory and counters are summed
 * over the nodes, so the figures compare with one node's.
 */
final class ServerCluster implements BenchServer {
    private final List<ServerProcess> nodes;

    private ServerCluster(List<ServerProcess> nodes) {
        this.nodes = nodes;
    }

    /** Starts the nodes together and returns once every one has joined and is ready; logs go to {@code dir}/server-N.log. */
    static ServerCluster start(Path jar, List<String> jvmFlags, int rooms, int players, Map<String, String> settings,
                               int count, Path dir) throws IOException {
        List<Integer> clusterPorts = new ArrayList<>();
        while (clusterPorts.size() < count) {
            int port = ServerProcess.freePort();
            if (!clusterPorts.contains(port)) {
                clusterPorts.add(port);
            }
        }
        String members = String.join(",", clusterPorts.stream().map(p -> "127.0.0.1:" + p).toList());
        List<ServerProcess> started = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                started.add(ServerProcess.launch(ServerProcess.command(jar, jvmFlags, rooms, players, settings,
                        ServerProcess.freePort(), List.of("-Darena.cluster.enabled=true", "-Darena.cluster.host=127.0.0.1",
                                "-Darena.cluster.port=" + clusterPorts.get(i), "-Darena.cluster.members=" + members)),
                        dir.resolve("server-" + (i + 1) + ".log")));
            }
            for (ServerProcess node : started) {
                node.awaitReady();
            }
        } catch (IOException | RuntimeException e) {
            started.forEach(ServerProcess::close);
            throw e;
        }
        return new ServerCluster(started);
    }

    @Override
    public int httpPort() {
        return nodes.get(0).httpPort();
    }

    @Override
    public long pid() {
        return nodes.get(0).pid();
    }

    @Override
    public long[] userSystemNanos() {
        return sum(ServerProcess::userSystemNanos);
    }

    @Override
    public long[] syscallsAndSwitches() {
        return sum(ServerProcess::syscallsAndSwitches);
    }

    @Override
    public long peakRssBytes() {
        return nodes.stream().mapToLong(ServerProcess::peakRssBytes).sum();
    }

    @Override
    public Map<String, Double> troubleCounters() {
        Map<String, Double> out = new TreeMap<>();
        nodes.forEach(node -> node.troubleCounters().forEach((k, v) -> out.merge(k, v, Double::sum)));
        return out;
    }

    private long[] sum(Function<ServerProcess, long[]> figures) {
        long[] total = null;
        for (ServerProcess node : nodes) {
            long[] f = figures.apply(node);
            if (f == null) {
                return null;
            }
            if (total == null) {
                total = f.clone();
            } else {
                for (int i = 0; i < f.length; i++) {
                    total[i] += f[i];
                }
            }
        }
        return total;
    }

    @Override
    public void close() {
        nodes.forEach(ServerProcess::close);
    }
}
