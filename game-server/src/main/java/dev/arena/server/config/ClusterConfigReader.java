package dev.arena.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads and checks {@code cluster.*} and {@code http.publicUrl}; every error names its key. */
final class ClusterConfigReader {
    /** A literal IPv4 address: Hazelcast binds to an interface by address, never by name. */
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.\\-]{0,251}[A-Za-z0-9])?");

    private ClusterConfigReader() {
    }

    static ClusterConfig read(ConfigReader r) {
        boolean enabled = r.bool("cluster.enabled");
        String host = r.string("cluster.host").strip();
        if (!IPV4.matcher(host).matches() || host.equals("0.0.0.0")) {
            throw ConfigReader.invalid("cluster.host", "the IPv4 address of this machine that the other members reach"
                    + " (127.0.0.1 for nodes on one machine; not 0.0.0.0)", host);
        }
        int port = r.integer("cluster.port", 1, 65535);
        int eventBusPort = r.integer("cluster.eventBusPort", 0, 65535);
        List<ClusterConfig.Member> members = new ArrayList<>();
        for (String entry : r.list("cluster.members")) {
            members.add(member(entry));
        }
        int reservationMillis = r.integer("cluster.reservationMillis", 100, 600_000);
        String publicUrl = r.string("http.publicUrl").strip();
        if (!publicUrl.isEmpty()) {
            checkPublicUrl(publicUrl);
        }
        return new ClusterConfig(enabled, host, port, eventBusPort, members, reservationMillis, publicUrl);
    }

    private static ClusterConfig.Member member(String entry) {
        int colon = entry.lastIndexOf(':');
        String host = colon < 0 ? "" : entry.substring(0, colon);
        String port = colon < 0 ? "" : entry.substring(colon + 1);
        boolean goodHost = IPV4.matcher(host).matches() || HOST_NAME.matcher(host).matches();
        if (!goodHost || !port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new ConfigException("cluster.members", "cluster.members must list members as host:port"
                    + " (10.0.0.5:5701), comma-separated in a property or variable, got \"" + entry + "\"");
        }
        return new ClusterConfig.Member(host, Integer.parseInt(port));
    }

    private static void checkPublicUrl(String url) {
        String expected = "a ws:// or wss:// URL with a host (wss://eu-1.play.example.com/ws), or empty";
        try {
            URI uri = new URI(url);
            boolean scheme = "ws".equals(uri.getScheme()) || "wss".equals(uri.getScheme());
            if (!scheme || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || uri.getRawUserInfo() != null) {
                throw ConfigReader.invalid("http.publicUrl", expected, url);
            }
        } catch (URISyntaxException e) {
            throw ConfigReader.invalid("http.publicUrl", expected, url);
        }
    }
}
