package dev.arena.loadtest;

/**
 * What to do about an upgrade the server refused, by its
 * {@code X-Arena-Refusal} reason (the server's docs/SECURITY.md lists them).
 * All bots of a run share one address, so a server started by someone else
 * with the default {@code http.maxConnectionsPerIp} (32) refuses the 33rd.
 */
final class Refusals {
    private Refusals() {
    }

    /** The server setting behind a refusal reason, or null when the reason is unknown. */
    static String setting(String reason) {
        return switch (reason) {
            case "per_ip" -> "http.maxConnectionsPerIp";
            case "server_full" -> "http.maxConnections";
            case "origin" -> "http.requireOrigin";
            default -> null;
        };
    }

    /** One sentence for the summary: which key to change on the server, and how. */
    static String advice(String reason) {
        return switch (reason) {
            case "per_ip" -> "every bot connects from this machine's address: start the server with "
                    + "-Darena.http.maxConnectionsPerIp=<bots + some> (bench and capacity do so for the server they start)";
            case "server_full" -> "the server holds http.maxConnections sockets: raise it (-Darena.http.maxConnections=...)";
            case "origin" -> "bots send no Origin header: run the server with http.requireOrigin=false";
            default -> "see the server's docs/SECURITY.md";
        };
    }
}
