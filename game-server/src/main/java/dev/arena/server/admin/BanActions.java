package dev.arena.server.admin;

import dev.arena.server.config.IpBlock;
import dev.arena.server.room.Addresses;
import dev.arena.server.transport.Ban;
import dev.arena.server.transport.Bans;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The bans of the admin API, over the node's {@link Bans} (in memory,
 * bounded by {@code management.maxBans}). A change is made here at once, so
 * the answer and the next upgrade see it, then published on
 * {@link Addresses#BANS}: the players' HTTP servers close the connections a
 * new ban covers, and {@link #onEvent} applies a change made on another node
 * (each change names the node that made it, which skips its own).
 *
 * <p>In a cluster every node keeps the same list: a ban made on any node
 * holds on all of them and is listed and liftable on any of them (it keeps
 * its id everywhere). A node joining takes the list from a node already in
 * the cluster ({@link #catchUp}). No shared store: a ban lives as long as
 * one node that knows it.
 */
final class BanActions {
    private static final Logger log = LoggerFactory.getLogger(BanActions.class);

    private final EventBus bus;
    private final Bans bans;
    /** Tells this node's changes from other nodes' on {@link Addresses#BANS}. */
    private final String node = UUID.randomUUID().toString();
    /** Ids lifted while {@link #catchUp} waits for the cluster's list, which may still hold them; null after. */
    private Set<String> liftedWhileCatchingUp = new HashSet<>();

    BanActions(EventBus bus, Bans bans) {
        this.bus = bus;
        this.bans = bans;
    }

    /** {@code GET /admin/api/bans}: the bans in force, oldest first, and the bound. */
    void list(RoutingContext ctx) {
        Answer.ok(inForce().put("max", bans.max())).send(ctx);
    }

    private JsonObject inForce() {
        long now = bans.now();
        JsonArray array = new JsonArray();
        bans.list().forEach(ban -> array.add(ban.toJson(now)));
        return new JsonObject().put("bans", array);
    }

    /**
     * Takes the bans in force from a node already in the cluster (any one: they all hold the same list), then
     * answers nodes that join later itself. Registered only after asking, so the request cannot reach this node.
     * Alone, or the first node, nobody answers and there is nothing to take. Never failed: a node that cannot get
     * the list starts without it (logged) rather than not at all.
     */
    Future<Void> catchUp(long timeoutMillis) {
        return bus.<JsonObject>request(Addresses.BANS_LIST, null, new DeliveryOptions().setSendTimeout(timeoutMillis))
                .map(reply -> {
                    int taken = 0;
                    for (Object ban : reply.body().getJsonArray("bans")) {
                        taken += take(Ban.fromJson((JsonObject) ban)) ? 1 : 0;
                    }
                    log.info("took {} bans in force from the cluster", taken);
                    return (Void) null;
                })
                .recover(e -> {
                    if (!(e instanceof ReplyException r && r.failureType() == ReplyFailure.NO_HANDLERS)) {
                        log.warn("could not take the bans in force from the cluster: this node starts without them "
                                + "({})", e.getMessage());
                    }
                    return Future.succeededFuture();
                })
                .compose(v -> {
                    liftedWhileCatchingUp = null;
                    return bus.<JsonObject>consumer(Addresses.BANS_LIST, msg -> msg.reply(inForce())).completion();
                });
    }

    /** {@code POST /admin/api/bans} {@code {"address", "seconds", "reason"?}}: 201 with the ban. */
    Future<Answer> ban(ActionCall call) {
        JsonObject body = AdminInput.body(call.ctx.body().buffer(), "address", "seconds", "reason");
        call.target = AdminInput.raw(body, "address");
        call.reason = AdminInput.raw(body, "reason");
        IpBlock block = AdminInput.block(body, "address");
        long seconds = AdminInput.seconds(body, "seconds");
        call.target = block.canonical() + " for " + seconds + " s";
        call.reason = AdminInput.text(body, "reason", AdminInput.MAX_REASON);
        Ban ban = bans.add(block, seconds, call.reason);
        if (ban == null) {
            return Future.succeededFuture(Answer.error(409, "the ban list is full (management.maxBans = " + bans.max()
                    + "): lift a ban first (DELETE /admin/api/bans/{id})"));
        }
        JsonObject json = ban.toJson(bans.now());
        bus.publish(Addresses.BANS, new JsonObject().put("op", "add").put("ban", json).put("node", node));
        return Future.succeededFuture(new Answer(201, json));
    }

    /** {@code DELETE /admin/api/bans/{id}}: the lifted ban, or 404. */
    Future<Answer> lift(ActionCall call) {
        String id = call.ctx.pathParam("id");
        call.target = id;
        AdminInput.body(call.ctx.body().buffer());
        Ban lifted = bans.lift(id);
        if (lifted == null) {
            return Future.succeededFuture(Answer.error(404, "no ban " + id + " (GET /admin/api/bans lists them; an "
                    + "expired ban is gone by itself)"));
        }
        call.target = id + " (" + lifted.block().canonical() + ")";
        bus.publish(Addresses.BANS, new JsonObject().put("op", "lift").put("id", id).put("node", node));
        return Future.succeededFuture(Answer.ok(lifted.toJson(bans.now())));
    }

    /** A change published on {@link Addresses#BANS}, made here or on another node. */
    void onEvent(Message<JsonObject> msg) {
        JsonObject event = msg.body();
        if (node.equals(event.getString("node"))) {
            return;
        }
        try {
            if ("add".equals(event.getString("op"))) {
                take(Ban.fromJson(event.getJsonObject("ban")));
            } else if ("lift".equals(event.getString("op"))) {
                bans.lift(event.getString("id"));
                if (liftedWhileCatchingUp != null) {
                    liftedWhileCatchingUp.add(event.getString("id"));
                }
            }
        } catch (IllegalArgumentException e) {
            log.warn("a malformed ban change was ignored: {}", e.getMessage());
        }
    }

    /** A ban made on another node, unless it was lifted meanwhile; false when it was not taken. */
    private boolean take(Ban ban) {
        if (liftedWhileCatchingUp != null && liftedWhileCatchingUp.contains(ban.id())) {
            return false;
        }
        if (!bans.apply(ban)) {
            log.warn("a ban made on another node was not applied here: the ban list is full (management.maxBans = {})",
                    bans.max());
            return false;
        }
        return true;
    }
}
