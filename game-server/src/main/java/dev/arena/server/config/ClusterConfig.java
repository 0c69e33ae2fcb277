package dev.arena.server.config;

import java.util.List;

/**
 * Several nodes serving one game (config section {@code cluster}, plus
 * {@code http.publicUrl}): Vert.x clustered with Hazelcast, joined over TCP
 * to the listed members only (docs/CLUSTER.md). Off by default: a single
 * node starts no Hazelcast at all.
 *
 * @param enabled           whether this node joins a cluster
 * @param host              this node's address for cluster traffic (Hazelcast and the event bus): an IP address
 *                          of this machine that the other members reach
 * @param port              the Hazelcast member port
 * @param eventBusPort      the clustered event bus port, 0 for any free one
 * @param members           the members to join, {@code host:port} each (this node may be among them)
 * @param reservationMillis how long a seat reserved for a redirected player waits for its JOIN
 * @param publicUrl         {@code http.publicUrl}: the WebSocket URL players reach this node at, or empty to build
 *                          it from the game port ({@link #publicUrl(String, int, boolean)})
 */
public record ClusterConfig(boolean enabled, String host, int port, int eventBusPort, List<Member> members,
                            int reservationMillis, String publicUrl) {
    public ClusterConfig {
        members = List.copyOf(members);
    }

    /** One entry of {@code cluster.members}. */
    public record Member(String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /**
     * The URL this node gives redirected players: {@code http.publicUrl}, or
     * {@code ws(s)://HOST:PORT/ws} with {@code http.host}, or {@code cluster.host}
     * when that binds every interface.
     */
    public String publicUrl(String httpHost, int httpPort, boolean tls) {
        if (!publicUrl.isEmpty()) {
            return publicUrl;
        }
        boolean wildcard = httpHost.isEmpty() || httpHost.equals("0.0.0.0") || httpHost.equals("::")
                || httpHost.equals("[::]");
        String host = wildcard ? this.host : httpHost;
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return (tls ? "wss" : "ws") + "://" + host + ":" + httpPort + "/ws";
    }
}
