package dev.arena.server.room;

import dev.arena.server.config.RoomConfig;
import dev.arena.server.protocol.CloseReason;
import dev.arena.server.protocol.Notice;
import dev.arena.server.state.WireFrame;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * An operator's requests to one room ({@link Addresses#roomOperator}), on the
 * room's thread: JSON in, JSON out, nothing node-local in either, so the
 * request may come from any node of a cluster. The admin API validates what
 * it sends; this trusts only the types.
 * <ul>
 *   <li>{@code {"action": "inspect"}}: {@code {"room": {...}, "players": [...]}},
 *       every seat with its name, state ({@code playing}, {@code grace} while
 *       held after a drop, {@code spectator}) and connection facts;</li>
 *   <li>{@code {"action": "kick", "player": id, "message": text}}: ERROR +
 *       4016 with the message, the seat freed as by LEAVE (no grace window);
 *       404 for an unknown player;</li>
 *   <li>{@code {"action": "notice", "text": text}}: a NOTICE to every client
 *       connected now, answered with how many;</li>
 *   <li>{@code {"action": "close", "message": text}}: every client gets ERROR
 *       + 4015 and the room stops and leaves the registry.</li>
 * </ul>
 */
final class RoomOperator {
    private final Room room;
    private final long openedAtMillis;
    private final UnaryOperator<RoomListing> stamp;
    private final Consumer<Runnable> guarded;
    private final Runnable reportStatus;
    private final Predicate<String> closeByOperator;
    private final BooleanSupplier ended;

    /**
     * What the room's verticle does for it, on the room's thread.
     *
     * @param stamp           adds the room's node and its URL in a cluster ({@link Directory#stamp})
     * @param guarded         runs game code as the room's timer does (a throw fails the room)
     * @param reportStatus    tells the registry the room's counts now
     * @param closeByOperator lets every client go with ERROR + 4015 and the message, and stops the room; false if
     *                        it had ended already
     * @param ended           whether the room has ended (failed, closed or stopping)
     */
    RoomOperator(Room room, long openedAtMillis, UnaryOperator<RoomListing> stamp, Consumer<Runnable> guarded,
                 Runnable reportStatus, Predicate<String> closeByOperator, BooleanSupplier ended) {
        this.room = room;
        this.openedAtMillis = openedAtMillis;
        this.stamp = stamp;
        this.guarded = guarded;
        this.reportStatus = reportStatus;
        this.closeByOperator = closeByOperator;
        this.ended = ended;
    }

    void handle(Message<JsonObject> msg) {
        JsonObject body = msg.body() == null ? new JsonObject() : msg.body();
        if (ended.getAsBoolean()) {
            msg.fail(404, "room " + room.id() + " has closed");
            return;
        }
        try {
            switch (body.getString("action", "")) {
                case "inspect" -> msg.reply(inspect());
                case "kick" -> kick(msg, body.getInteger("player"), text(body, "message", "kicked by an operator"));
                case "notice" -> msg.reply(new JsonObject().put("room", room.id())
                        .put("sent", notice(body.getString("text").strip())));
                case "close" -> close(msg, text(body, "message", "room " + room.id() + " was closed by an operator"));
                default -> msg.fail(400, "unknown action " + body.getString("action"));
            }
        } catch (ClassCastException | NullPointerException e) {
            msg.fail(400, "malformed request to room " + room.id() + ": " + body.encode());
        }
    }

    /** The operator's words, or {@code otherwise} when there are none. */
    private static String text(JsonObject body, String key, String otherwise) {
        String value = body.getString(key);
        return value == null || value.isBlank() ? otherwise : value.strip();
    }

    private JsonObject inspect() {
        long now = System.currentTimeMillis();
        RoomSetup setup = room.setup();
        RoomConfig rooms = setup.game().rooms();
        RoomListing listing = stamp.apply(new RoomListing(room.id(), setup.game().name(), room.players(),
                room.spectators(), rooms.capacity(), rooms.maxSpectators(), room.players(), room.metadata(),
                setup.privateCode(), null, null, rooms.tickHz(), rooms.sendHz(), openedAtMillis));
        JsonObject header = AdminRoomList.summary(listing, now).put("tick", room.tick());
        JsonArray players = new JsonArray();
        for (Client client : room.seats()) {
            ConnectionFacts facts = client.channel.facts();
            players.add(new JsonObject().put("id", client.seat).put("name", client.name)
                    .put("state", client.spectator ? "spectator" : client.connected ? "playing" : "grace")
                    .put("address", facts.address())
                    .put("connectedSince", Instant.ofEpochMilli(facts.connectedAtMillis()).toString())
                    .put("rttMillis", facts.rttMicros() < 0 ? null : Math.round(facts.rttMicros() / 100.0) / 10.0)
                    .put("bytesIn", facts.bytesIn()).put("bytesOut", facts.bytesOut()));
        }
        return new JsonObject().put("room", header).put("players", players);
    }

    private void kick(Message<JsonObject> msg, int seat, String message) {
        Client client = room.seats().find(seat);
        if (client == null) {
            msg.fail(404, "no player " + seat + " in room " + room.id());
            return;
        }
        // Unseated first: the seat is freed, never held, and the transport sends no leave of its own.
        client.channel.unseat(CloseReason.KICKED, message);
        guarded.accept(() -> room.leave(seat));
        reportStatus.run();
        msg.reply(new JsonObject().put("room", room.id()).put("player", seat).put("name", client.name)
                .put("spectator", client.spectator));
    }

    /** Written at once, not after the next update: a notice is about nothing in the room's state. */
    private int notice(String text) {
        WireFrame frame = WireFrame.of(room.codec().encode(new Notice(text)));
        int sent = 0;
        for (Client client : room.seats()) {
            if (client.connected && !client.closing) {
                client.channel.write(frame);
                sent++;
            }
        }
        for (Client client : room.seats()) {
            if (client.connected && !client.closing) {
                client.channel.flush();
            }
        }
        return sent;
    }

    private void close(Message<JsonObject> msg, String message) {
        JsonObject answer = new JsonObject().put("room", room.id()).put("players", room.players())
                .put("spectators", room.spectators());
        if (closeByOperator.test(message)) {
            msg.reply(answer);
        } else {
            msg.fail(404, "room " + room.id() + " has closed");
        }
    }
}
