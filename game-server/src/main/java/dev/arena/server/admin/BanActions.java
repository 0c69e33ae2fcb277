package dev.arena.server.admin;

import dev.arena.server.config.IpBlock;
import dev.arena.server.room.Addresses;
import dev.arena.server.transport.Ban;
import dev.arena.server.transport.Bans;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * The bans of the admin API, over the node's {@link Bans} (in memory,
 * bounded by {@code management.maxBans}). A change is made here at once, so
 * the answer and the next upgrade see it, then published on
 * {@link Addresses#BANS}: the players' HTTP servers close the connections a
 * new ban covers, and {@link #onEvent} applies a change made on another node
 * (each change names the node that made it, which skips its own).
 */
final class BanActions {
    private static final Logger log = LoggerFactory.getLogger(BanActions.class);

    private final EventBus bus;
    private final Bans bans;
    /** Tells this node's changes from other nodes' on {@link Addresses#BANS}. */
    private final String node = UUID.randomUUID().toString();

    BanActions(EventBus bus, Bans bans) {
        this.bus = bus;
        this.bans = bans;
    }

    /** {@code GET /admin/api/bans}: the bans in force, oldest first, and the bound. */
    void list(RoutingContext ctx) {
        long now = bans.now();
        JsonArray array = new JsonArray();
        bans.list().forEach(ban -> array.add(ban.toJson(now)));
        Answer.ok(new JsonObject().put("bans", array).put("max", bans.max())).send(ctx);
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
            if ("add".equals(event.getString("op")) && !bans.apply(Ban.fromJson(event.getJsonObject("ban")))) {
                log.warn("a ban made on another node was not applied here: the ban list is full (management.maxBans "
                        + "= {})", bans.max());
            } else if ("lift".equals(event.getString("op"))) {
                bans.lift(event.getString("id"));
            }
        } catch (IllegalArgumentException e) {
            log.warn("a malformed ban change was ignored: {}", e.getMessage());
        }
    }
}
