package dev.arena.server.admin;

import dev.arena.server.protocol.Notice;
import dev.arena.server.room.Addresses;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;

/**
 * {@code POST /admin/api/notice} {@code {"text", "room"?}}: a NOTICE to every
 * connection of the server, of every node in a cluster (published on
 * {@link Addresses#NOTICE_ALL}: each players' HTTP server sends it to its own,
 * players, spectators and the lobby alike), or to the players and spectators
 * of one room, on whichever node it lives, which answers with how many got it.
 */
final class NoticeAction {
    private final EventBus bus;
    private final RoomActions rooms;

    NoticeAction(EventBus bus, RoomActions rooms) {
        this.bus = bus;
        this.rooms = rooms;
    }

    Future<Answer> send(ActionCall call) {
        JsonObject body = AdminInput.body(call.ctx.body().buffer(), "text", "room");
        call.reason = AdminInput.raw(body, "text");
        String room = body.getValue("room") == null ? null : AdminInput.roomId(roomField(body), "room");
        call.target = room == null ? "all" : room;
        String text = AdminInput.requiredText(body, "text", Notice.MAX_CHARS);
        call.reason = text;
        if (room != null) {
            return rooms.ask(room, new JsonObject().put("action", "notice").put("text", text))
                    .map(answer -> answer.status() == 200 ? Answer.ok(new JsonObject().put("scope", "room")
                            .put("room", room).put("sent", answer.body().getInteger("sent"))) : answer);
        }
        bus.publish(Addresses.NOTICE_ALL, new JsonObject().put("text", text));
        return Future.succeededFuture(Answer.ok(new JsonObject().put("scope", "server")));
    }

    private static String roomField(JsonObject body) {
        if (!(body.getValue("room") instanceof String room)) {
            throw new BadInput("room must be a room id (a string), or absent for every connection of the server");
        }
        return room;
    }
}
