package dev.arena.server.transport;

import dev.arena.server.config.AdmissionConfig;
import dev.arena.server.metrics.GameMetrics;
import io.vertx.core.http.HttpServerRequest;

import java.time.Instant;

/**
 * Admission of a WebSocket upgrade, before any 101: the operators' bans of
 * the client address (403), the Origin policy (403), then the per-address and
 * global caps (503). A refusal is answered with its
 * status, an {@code X-Arena-Refusal} header naming the reason, a text body
 * naming the setting, and the connection is closed; it is counted in
 * {@code arena_upgrades_refused_total}.
 */
final class UpgradeGate {
    private final AdmissionConfig config;
    private final OriginPolicy origins;
    private final ConnectionLimits limits;
    private final Bans bans;
    private final GameMetrics metrics;

    UpgradeGate(AdmissionConfig config, ConnectionLimits limits, Bans bans, GameMetrics metrics, PeerNodes peers) {
        this.config = config;
        this.origins = new OriginPolicy(config, peers);
        this.limits = limits;
        this.bans = bans;
        this.metrics = metrics;
    }

    /**
     * @return the client address holding a slot (pass it to {@link #release} when the socket closes),
     *         or null when the upgrade was refused and answered
     */
    String admit(HttpServerRequest request) {
        String address = ClientAddress.of(request, config.trustedProxies());
        Ban ban = bans.match(address);
        if (ban != null) {
            // The operator's reason stays with the operators; the client learns for how long.
            refuse(request, UpgradeRefusal.BANNED, "this address (" + address + ") is banned until "
                    + Instant.ofEpochMilli(ban.expiresAtMillis()));
            return null;
        }
        boolean viaProxy = ClientAddress.fromTrustedProxy(request, config.trustedProxies());
        String originRefusal = origins.refusal(request, viaProxy);
        if (originRefusal != null) {
            refuse(request, UpgradeRefusal.ORIGIN, originRefusal);
            return null;
        }
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
