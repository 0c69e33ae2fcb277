package dev.arena.server.admin;

import dev.arena.server.config.IpBlock;
import io.vertx.core.Handler;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;

/**
 * Keeps other web pages from using the admin API through an operator's
 * browser, before anything else reads the request:
 * <ul>
 *   <li>a request with an {@code Origin} header (a browser's cross-origin
 *       {@code fetch} or form post) is refused with 403 unless the origin is
 *       the API's own ({@code http://} + its {@code Host}): curl and scripts
 *       send none;</li>
 *   <li>without a token, on a loopback address, the {@code Host} must name
 *       loopback ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}) or the
 *       request is refused with 403: a page that rebinds its own DNS name to
 *       127.0.0.1 sends its own name, and would otherwise be "same-origin"
 *       with the API. With a token this is moot (the page has no token), and
 *       on other addresses the operator chose who may reach the port.</li>
 * </ul>
 */
final class RequestGuard implements Handler<RoutingContext> {
    private final boolean checkHost;

    /** @param checkHost true when the management server binds loopback and has no token */
    RequestGuard(boolean checkHost) {
        this.checkHost = checkHost;
    }

    /** Whether {@code management.host} is a loopback address (or {@code localhost}). */
    static boolean isLoopback(String host) {
        byte[] address = IpBlock.literal(host);
        return "localhost".equalsIgnoreCase(host)
                || (address != null && (address.length == 4 ? address[0] == 127 : isV6Loopback(address)));
    }

    @Override
    public void handle(RoutingContext ctx) {
        // The Host header, or HTTP/2's :authority (curl and Java's client may upgrade to h2c).
        HostAndPort authority = ctx.request().authority();
        String host = authority == null ? null : authority.host() + (authority.port() >= 0 ? ":" + authority.port() : "");
        String origin = ctx.request().getHeader("Origin");
        if (origin != null && (host == null || !origin.equalsIgnoreCase("http://" + host))) {
            refuse(ctx, "a cross-origin request to the admin API is refused (Origin " + printable(origin) + ")");
            return;
        }
        if (checkHost && (authority == null || !isLoopback(unbracketed(authority.host())))) {
            refuse(ctx, "without management.token the admin API answers requests for localhost only (Host "
                    + printable(host) + ")");
            return;
        }
        ctx.next();
    }

    private static String unbracketed(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    private static boolean isV6Loopback(byte[] address) {
        for (int i = 0; i < 15; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[15] == 1;
    }

    private static void refuse(RoutingContext ctx, String message) {
        Answer.error(403, message).send(ctx);
    }

    private static String printable(String text) {
        if (text == null) {
            return "none";
        }
        String cut = text.length() > 80 ? text.substring(0, 80) : text;
        return "\"" + cut.replaceAll("\\p{Cntrl}", "?") + "\"";
    }
}
