package dev.arena.server.config;

import java.util.List;

/**
 * Who may open a WebSocket, checked before the 101 (config keys under
 * {@code http}; config/README.md and docs/SECURITY.md).
 *
 * @param handshakeTimeoutMillis a connection that has not sent a whole HTTP request (or upgraded) this long
 *                               after it opened, or after its last response, is closed
 * @param maxConnectionsPerIp    WebSockets one client address may hold; one more is refused with 503
 * @param maxConnections         WebSockets the server holds; one more is refused with 503
 * @param trustedProxies         peers whose {@code X-Forwarded-For} names the client (the rightmost address
 *                               outside this list is the client); empty = the peer is always the client
 * @param allowedOrigins         browser origins allowed to upgrade; empty = only an origin naming the
 *                               {@code Host} the request was sent to
 * @param anyOrigin              the list held {@code *}: every origin may upgrade (an explicit opt-out)
 * @param requireOrigin          refuse an upgrade without an {@code Origin} header (non-browser clients)
 */
public record AdmissionConfig(int handshakeTimeoutMillis, int maxConnectionsPerIp, int maxConnections,
                              List<IpBlock> trustedProxies, List<WebOrigin> allowedOrigins, boolean anyOrigin,
                              boolean requireOrigin) {
}
