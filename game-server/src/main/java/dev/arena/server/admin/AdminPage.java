package dev.arena.server.admin;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The admin page at {@code /admin/}: plain files from the classpath
 * ({@code adminroot}, copied from {@code game-client-js/admin/}), served
 * without a token (they hold no data; every API call they make sends it), with
 * the game page's browser hardening: a Content-Security-Policy of this origin
 * only (no inline script or style, no framing), {@code nosniff} and no
 * referrer.
 */
final class AdminPage {
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'; connect-src 'self'";

    private AdminPage() {
    }

    /** Headers for every {@code /admin} response, the API's included. */
    static Handler<RoutingContext> headers() {
        return ctx -> {
            MultiMap headers = ctx.response().headers();
            headers.set("Content-Security-Policy", POLICY);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            ctx.next();
        };
    }

    static Handler<RoutingContext> files() {
        return StaticHandler.create("adminroot").setCachingEnabled(false).setDirectoryListing(false);
    }
}
