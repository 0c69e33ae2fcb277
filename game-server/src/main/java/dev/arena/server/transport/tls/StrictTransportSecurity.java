package dev.arena.server.transport.tls;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Adds {@code Strict-Transport-Security: max-age=N} to every response of the
 * https game port, so a browser that has seen the site once never tries
 * plain http to it again (which this port would not answer anyway). No
 * {@code includeSubDomains}: the server cannot know whether sibling hosts
 * speak https.
 */
public final class StrictTransportSecurity implements Handler<RoutingContext> {
    private final String value;

    /** @param maxAgeSeconds {@code http.tls.hstsMaxAgeSeconds}, above 0 */
    public StrictTransportSecurity(int maxAgeSeconds) {
        this.value = "max-age=" + maxAgeSeconds;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.response().putHeader("Strict-Transport-Security", value);
        ctx.next();
    }
}
