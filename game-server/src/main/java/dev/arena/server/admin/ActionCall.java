package dev.arena.server.admin;

import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * One admin action on its way: what it acts on and the operator's words, filled
 * in as the request is read, then answered and recorded once ({@link AdminAudit}).
 */
final class ActionCall {
    final RoutingContext ctx;
    private final AdminAction action;
    private final AdminAudit audit;
    /** What it acts on, once known: {@code r1}, {@code r1/3}, {@code 203.0.113.0/24}, a ban id, {@code all}. */
    String target;
    /** The operator's words (a reason, a notice's text), once read. */
    String reason;

    ActionCall(RoutingContext ctx, AdminAction action, AdminAudit audit) {
        this.ctx = ctx;
        this.action = action;
        this.audit = audit;
    }

    void finish(Answer answer) {
        SocketAddress peer = ctx.request().remoteAddress();
        audit.record(action, target, reason, answer.status(), peer == null ? "unknown" : peer.hostAddress());
        answer.send(ctx);
    }
}
