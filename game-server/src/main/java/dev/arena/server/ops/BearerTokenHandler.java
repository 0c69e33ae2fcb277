package dev.arena.server.ops;

import dev.arena.server.config.Secret;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Lets a request through only with {@code Authorization: Bearer <token>}
 * (the scheme in any case, RFC 7235); anything else gets 401 with a
 * {@code WWW-Authenticate} challenge and is counted. Put it on the routes it
 * guards: {@code router.route("/metrics").handler(auth)}.
 *
 * <p>The comparison takes the same time whatever the offered token: both are
 * hashed first and the digests compared with {@link MessageDigest#isEqual},
 * so neither the token's characters nor its length leak through timing. The
 * token is never logged and never echoed.
 */
public final class BearerTokenHandler implements Handler<RoutingContext> {
    private static final String SCHEME = "bearer ";

    private final byte[] expectedDigest;
    private final String challenge;
    private final Runnable onRefused;

    /**
     * @param token     the token to require; not empty
     * @param realm     named in the challenge, e.g. {@code arena-management}
     * @param onRefused called once per refused request (a counter)
     */
    public BearerTokenHandler(Secret token, String realm, Runnable onRefused) {
        if (token.isEmpty()) {
            throw new IllegalArgumentException("an empty token would let every request through");
        }
        this.expectedDigest = sha256(token.reveal());
        this.challenge = "Bearer realm=\"" + realm + "\"";
        this.onRefused = onRefused;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        boolean bearer = header != null && header.length() > SCHEME.length()
                && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
        String offered = bearer ? header.substring(SCHEME.length()).trim() : "";
        // Hashed whether or not a token was offered, so a missing header takes as long as a wrong one.
        boolean valid = MessageDigest.isEqual(expectedDigest, sha256(offered)) && bearer;
        if (valid) {
            ctx.next();
            return;
        }
        onRefused.run();
        ctx.response().setStatusCode(401)
                .putHeader("WWW-Authenticate", challenge)
                .putHeader("Content-Type", "text/plain; charset=utf-8")
                .end(bearer ? "wrong bearer token (management.token)\n"
                        : "this endpoint needs Authorization: Bearer <management.token>\n");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
