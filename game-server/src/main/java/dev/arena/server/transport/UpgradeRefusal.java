package dev.arena.server.transport;

/**
 * Why a WebSocket upgrade is answered with an HTTP status instead of 101.
 * {@link #reason} is the {@code reason} label of
 * {@code arena_upgrades_refused_total} and the value of the
 * {@code X-Arena-Refusal} response header; {@link #key} is the setting an
 * operator would change.
 */
enum UpgradeRefusal {
    ORIGIN("origin", 403, "http.allowedOrigins"),
    /** An operator banned the client's address (admin API, {@code DELETE /admin/api/bans/{id}} lifts it). */
    BANNED("banned", 403, "the admin API's bans"),
    PER_IP("per_ip", 503, "http.maxConnectionsPerIp"),
    SERVER_FULL("server_full", 503, "http.maxConnections");

    final String reason;
    final int status;
    final String key;

    UpgradeRefusal(String reason, int status, String key) {
        this.reason = reason;
        this.status = status;
        this.key = key;
    }
}
