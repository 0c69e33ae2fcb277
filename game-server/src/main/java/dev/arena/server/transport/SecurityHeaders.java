package dev.arena.server.transport;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;

import java.util.regex.Pattern;

/**
 * Headers that keep the browser client's page from being turned against its
 * player, on every response of the players' server:
 * <ul>
 *   <li>{@code Content-Security-Policy}: scripts, styles, images and
 *       connections from this server only (the WebSocket's {@code ws:} and
 *       {@code wss:} origin spelled out for browsers whose {@code 'self'}
 *       does not cover it), no framing ({@code frame-ancestors 'none'}), no
 *       {@code <base>} or plug-ins;</li>
 *   <li>{@code X-Content-Type-Options: nosniff}; {@code Referrer-Policy: no-referrer};</li>
 *   <li>{@code Strict-Transport-Security: max-age=N} when the server speaks
 *       TLS, so a browser that has seen the site once never tries plain http
 *       to it again. No {@code includeSubDomains}: the server cannot know
 *       whether sibling hosts speak https.</li>
 * </ul>
 */
final class SecurityHeaders {
    /** What a Host header may hold to be echoed into the policy; anything else is left out of it. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]{1,253}(:\\d{1,5})?|\\[[0-9A-Fa-f:.]{2,45}](:\\d{1,5})?");
    private static final String BASE = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; connect-src 'self'";

    /** The {@code Strict-Transport-Security} value, or null for none. */
    private final String hsts;
    private final PeerNodes peers;

    /**
     * @param hstsMaxAgeSeconds {@code http.tls.hstsMaxAgeSeconds} when the server speaks TLS; 0 (or plain
     *                          http) sends no {@code Strict-Transport-Security}
     */
    SecurityHeaders(int hstsMaxAgeSeconds) {
        this(hstsMaxAgeSeconds, PeerNodes.NONE);
    }

    /** @param peers the cluster's other nodes, which a page redirected by a REDIRECT connects to */
    SecurityHeaders(int hstsMaxAgeSeconds, PeerNodes peers) {
        this.hsts = hstsMaxAgeSeconds > 0 ? "max-age=" + hstsMaxAgeSeconds : null;
        this.peers = peers;
    }

    /** Sets the headers on the request's response; called before routing, so error responses get them too. */
    void apply(HttpServerRequest request) {
        MultiMap headers = request.response().headers();
        headers.set("Content-Security-Policy", policy(request.getHeader("Host")) + peerSources());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        if (hsts != null) {
            headers.set("Strict-Transport-Security", hsts);
        }
    }

    /** The other nodes' WebSocket origins, for connect-src: the page follows a REDIRECT there. */
    private String peerSources() {
        StringBuilder b = new StringBuilder();
        for (String url : peers.socketUrls()) {
            String origin = PeerNodes.socketOrigin(url);
            if (origin != null) {
                b.append(' ').append(origin);
            }
        }
        return b.toString();
    }

    static String policy(String host) {
        if (host == null || !HOST.matcher(host).matches()) {
            return BASE;
        }
        return BASE + " ws://" + host + " wss://" + host;
    }
}
