package dev.arena.server.admin;

import dev.arena.server.room.Addresses;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The rooms of the admin API. The list comes from this node's registry
 * ({@link Addresses#REGISTRY_ADMIN_ROOMS}), which adds the other nodes' rooms
 * of a cluster from its directory; a room's players, its close and a kick go
 * to the room itself ({@link Addresses#roomOperator}), a clustered address:
 * in a cluster the request reaches the node that owns the room, as JSON.
 */
final class RoomActions {
    private final EventBus bus;
    private final DeliveryOptions delivery;

    RoomActions(EventBus bus, DeliveryOptions delivery) {
        this.bus = bus;
        this.delivery = delivery;
    }

    /** {@code GET /admin/api/rooms}. */
    void list(RoutingContext ctx) {
        bus.<JsonObject>request(Addresses.REGISTRY_ADMIN_ROOMS, null, delivery)
                .map(reply -> Answer.ok(reply.body()))
                .otherwise(e -> Answer.failed(e, "room registry"))
                .onSuccess(answer -> answer.send(ctx));
    }

    /** {@code GET /admin/api/rooms/{room}}: the room and its players. */
    void inspect(RoutingContext ctx) {
        String room;
        try {
            room = AdminInput.roomId(ctx.pathParam("room"), "room");
        } catch (BadInput e) {
            Answer.error(400, e.getMessage()).send(ctx);
            return;
        }
        ask(room, new JsonObject().put("action", "inspect")).onSuccess(answer -> answer.send(ctx));
    }

    /** {@code POST /admin/api/rooms/{room}/close} with an optional {@code {"reason"}}. */
    Future<Answer> close(ActionCall call) {
        String room = AdminInput.roomId(call.ctx.pathParam("room"), "room");
        call.target = room;
        JsonObject body = AdminInput.body(call.ctx.body().buffer(), "reason");
        call.reason = AdminInput.raw(body, "reason");
        call.reason = AdminInput.text(body, "reason", AdminInput.MAX_REASON);
        return ask(room, new JsonObject().put("action", "close").put("message", call.reason));
    }

    /** {@code POST /admin/api/rooms/{room}/players/{player}/kick} with an optional {@code {"reason"}}. */
    Future<Answer> kick(ActionCall call) {
        String room = AdminInput.roomId(call.ctx.pathParam("room"), "room");
        call.target = room + "/" + call.ctx.pathParam("player");
        JsonObject body = AdminInput.body(call.ctx.body().buffer(), "reason");
        call.reason = AdminInput.raw(body, "reason");
        int player = AdminInput.playerId(call.ctx.pathParam("player"));
        call.reason = AdminInput.text(body, "reason", AdminInput.MAX_REASON);
        return ask(room, new JsonObject().put("action", "kick").put("player", player).put("message", call.reason));
    }

    /** A request to one room, its answer or failure as an {@link Answer}; never failed. */
    Future<Answer> ask(String room, JsonObject request) {
        return bus.<JsonObject>request(Addresses.roomOperator(room), request, delivery)
                .map(reply -> Answer.ok(reply.body()))
                .otherwise(e -> Answer.failed(e, "room " + room));
    }
}
