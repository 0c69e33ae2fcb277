package dev.arena.server.transport;

import dev.arena.server.config.AdmissionConfig;
import dev.arena.server.metrics.GameMetrics;
import io.vertx.core.http.HttpServerRequest;

/**
 * Admission of a WebSocket upgrade, before any 101: the Origin policy (403),
 * then the per-address and global caps (503). A refusal is answered with its
 * status, an {@code X-Arena-Refusal} header naming the reason, a text body
 * naming the setting, and the connection is closed; it is counted in
 * {@code arena_upgrades_refused_total}.
 */
final class UpgradeGate {
    private final AdmissionConfig config;
    private final OriginPolicy origins;
    private final ConnectionLimits limits;
    private final GameMetrics metrics;

    UpgradeGate(AdmissionConfig config, ConnectionLimits limits, GameMetrics metrics, PeerNodes peers) {
        this.config = config;
        this.origins = new OriginPolicy(config, peers);
        this.limits = limits;
        this.metrics = metrics;
    }

    /**
     * @return the client address holding a slot (pass it to {@link #release} when the socket closes),
     *         or null when the upgrade was refused and answered
     */
    String admit(HttpServerRequest request) {
        boolean viaProxy = ClientAddress.fromTrustedProxy(request, config.trustedProxies());
        String originRefusal = origins.refusal(request, viaProxy);
        if (originRefusal != null) {
            refuse(request, UpgradeRefusal.ORIGIN, originRefusal);
            return null;
        }
        String address = ClientAddress.of(request, config.trustedProxies());
        UpgradeRefusal full = limits.tryAcquire(address);
        if (full != null) {
            refuse(request, full, full == UpgradeRefusal.PER_IP
                    ? "too many connections from " + address + " (at most " + config.maxConnectionsPerIp() + ", " + full.key + ")"
                    : "the server is full (" + config.maxConnections() + " connections, " + full.key + ")");
            return null;
        }
        return address;
    }

    void release(String address) {
        limits.release(address);
    }

    private void refuse(HttpServerRequest request, UpgradeRefusal refusal, String message) {
        metrics.upgradeRefused(refusal.reason);
        request.response()
                .setStatusCode(refusal.status)
                .putHeader("Content-Type", "text/plain; charset=utf-8")
                .putHeader("X-Arena-Refusal", refusal.reason)
                .putHeader("Connection", "close")
                .end(message + "\n")
                // Vert.x keeps an HTTP/1.1 connection open after the response; a refused client gets no second try on it.
                .onComplete(done -> request.connection().close());
    }
}
