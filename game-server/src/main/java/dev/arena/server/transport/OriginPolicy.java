package dev.arena.server.transport;

import dev.arena.server.config.AdmissionConfig;
import dev.arena.server.config.WebOrigin;
import io.vertx.core.http.HttpServerRequest;

/**
 * Which browser pages may open a WebSocket (cross-site WebSocket hijacking:
 * a browser sends the player's cookies with an upgrade from any page, and
 * only the {@code Origin} header tells the pages apart).
 *
 * <ul>
 *   <li>{@code http.allowedOrigins} empty: only an origin whose host and
 *       port are the ones the request was sent to ({@code Host}, or
 *       {@code X-Forwarded-Host} when the peer is a trusted proxy), or the
 *       page of another node of the cluster ({@link PeerNodes});</li>
 *   <li>a list: only those origins; {@code "*"} in it: any origin;</li>
 *   <li>no {@code Origin} header (bots, native clients): allowed unless
 *       {@code http.requireOrigin}. {@code Origin: null} (sandboxed frames,
 *       {@code file://} pages) is an origin no list can name: refused unless
 *       {@code "*"}.</li>
 * </ul>
 */
final class OriginPolicy {
    private final AdmissionConfig config;
    private final PeerNodes peers;

    /** @param peers the cluster's other nodes: with no allow-list, their pages are allowed too */
    OriginPolicy(AdmissionConfig config, PeerNodes peers) {
        this.config = config;
        this.peers = peers;
    }

    /** @return null when the upgrade may go on, else why not (for the 403 body) */
    String refusal(HttpServerRequest request, boolean fromTrustedProxy) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return config.requireOrigin() ? "an Origin header is required (http.requireOrigin)" : null;
        }
        if (config.anyOrigin()) {
            return null;
        }
        WebOrigin parsed;
        try {
            parsed = WebOrigin.parse(origin);
        } catch (IllegalArgumentException e) {
            return "origin " + printable(origin) + " is not allowed (http.allowedOrigins)";
        }
        if (config.allowedOrigins().isEmpty()) {
            String forwardedHost = fromTrustedProxy ? request.getHeader("X-Forwarded-Host") : null;
            String host = forwardedHost != null ? forwardedHost.split(",")[0] : request.getHeader("Host");
            return parsed.sameHostAs(host) || isPeerPage(parsed) ? null
                    : "origin " + parsed + " is not this server's (set http.allowedOrigins to allow it)";
        }
        return config.allowedOrigins().contains(parsed) ? null
                : "origin " + parsed + " is not allowed (http.allowedOrigins)";
    }

    /** A page served by another node of the cluster, redirected here by it. */
    private boolean isPeerPage(WebOrigin origin) {
        for (String url : peers.socketUrls()) {
            String page = PeerNodes.pageOrigin(url);
            if (page != null && WebOrigin.parse(page).equals(origin)) {
                return true;
            }
        }
        return false;
    }

    /** The header as sent, cut short and without control chars, for a response body. */
    private static String printable(String text) {
        String cut = text.length() > 80 ? text.substring(0, 80) : text;
        return "\"" + cut.replaceAll("\\p{Cntrl}", "?") + "\"";
    }
}
