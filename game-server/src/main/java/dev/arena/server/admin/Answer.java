package dev.arena.server.admin;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * An admin API response: a status and a JSON body, {@code {"error": message}}
 * for a failure. Made from the answer of a room or the registry, or from how
 * their event-bus request failed.
 */
record Answer(int status, JsonObject body) {
    static Answer ok(JsonObject body) {
        return new Answer(200, body);
    }

    static Answer error(int status, String message) {
        return new Answer(status, new JsonObject().put("error", message));
    }

    /**
     * A failed request to a room or the registry: nobody listens at a room's address (no such room, or it closed
     * meanwhile) is 404, as is a room's own 404 (no such player); a room's 400 stays 400; no answer in time is 504.
     *
     * @param what the room, for the message: {@code room r9}
     */
    static Answer failed(Throwable failure, String what) {
        if (failure instanceof ReplyException reply) {
            if (reply.failureType() == ReplyFailure.NO_HANDLERS) {
                // In a cluster nobody listens either when the room is on no live node.
                return error(404, "no " + what + " (GET /admin/api/rooms lists them)");
            }
            if (reply.failureType() == ReplyFailure.TIMEOUT) {
                return error(504, what + " did not answer in time (its game may be stuck; the watchdog fails it)");
            }
            if (reply.failureCode() == 404 || reply.failureCode() == 400) {
                return error(reply.failureCode(), reply.getMessage());
            }
        }
        return error(500, what + " could not be reached: " + failure.getMessage());
    }

    void send(RoutingContext ctx) {
        ctx.response().setStatusCode(status);
        ctx.json(body);
    }
}
