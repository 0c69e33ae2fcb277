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
 *   <li>{@code Strict-Transport-Security} when the server speaks TLS
 *       ({@code hsts}).</li>
 * </ul>
 */
final class SecurityHeaders {
    /** What a Host header may hold to be echoed into the policy; anything else is left out of it. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]{1,253}(:\\d{1,5})?|\\[[0-9A-Fa-f:.]{2,45}](:\\d{1,5})?");
    private static final String BASE = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; connect-src 'self'";

    private final boolean hsts;

    /** @param hsts add {@code Strict-Transport-Security} (only when responses travel over TLS) */
    SecurityHeaders(boolean hsts) {
        this.hsts = hsts;
    }

    /** Sets the headers on the request's response; called before routing, so error responses get them too. */
    void apply(HttpServerRequest request) {
        MultiMap headers = request.response().headers();
        headers.set("Content-Security-Policy", policy(request.getHeader("Host")));
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        if (hsts) {
            headers.set("Strict-Transport-Security", "max-age=31536000");
        }
    }

    static String policy(String host) {
        if (host == null || !HOST.matcher(host).matches()) {
            return BASE;
        }
        return BASE + " ws://" + host + " wss://" + host;
    }
}
