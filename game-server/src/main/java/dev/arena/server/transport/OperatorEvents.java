package dev.arena.server.transport;

import dev.arena.server.protocol.CloseReason;
import dev.arena.server.protocol.FrameCodec;
import dev.arena.server.protocol.Notice;
import dev.arena.server.room.Addresses;
import dev.arena.server.state.WireFrame;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;

/**
 * What the operators' admin API (of any node in a cluster) publishes to every players' HTTP server, done
 * to that server's own connections: a NOTICE for all of them
 * ({@link Addresses#NOTICE_ALL}: players in rooms, spectators and the lobby
 * alike, encoded once), and the closing of every connection a new ban covers
 * ({@link Addresses#BANS}: ERROR + 4016, and the seat given up as by LEAVE, so
 * a banned player cannot come back with RESUME from another address). Runs on
 * its HTTP verticle's event loop, where its connections live.
 */
final class OperatorEvents {
    private static final Logger log = LoggerFactory.getLogger(OperatorEvents.class);

    private final Vertx vertx;
    private final Set<Connection> connections;
    private final FrameCodec codec;

    OperatorEvents(Vertx vertx, Set<Connection> connections, FrameCodec codec) {
        this.vertx = vertx;
        this.connections = connections;
        this.codec = codec;
    }

    /**
     * Registers the consumers on the calling verticle's context; Vert.x removes them when it is undeployed.
     * Clustered: a notice or a ban made through any node's admin API reaches this node's connections too (JSON).
     */
    Future<Void> register() {
        EventBus bus = vertx.eventBus();
        return Future.all(
                bus.<JsonObject>consumer(Addresses.NOTICE_ALL, msg -> notice(msg.body().getString("text")))
                        .completion(),
                bus.<JsonObject>consumer(Addresses.BANS, msg -> {
                    if ("add".equals(msg.body().getString("op"))) {
                        banned(Ban.fromJson(msg.body().getJsonObject("ban")));
                    }
                }).completion()).mapEmpty();
    }

    private void notice(String text) {
        WireFrame frame = WireFrame.of(codec.encode(new Notice(text)));
        for (Connection connection : connections) {
            connection.write(frame);
        }
        for (Connection connection : connections) {
            connection.flush();
        }
    }

    private void banned(Ban ban) {
        String message = "this address was banned by an operator" + (ban.reason().isEmpty() ? "" : ": " + ban.reason());
        int closed = 0;
        for (Connection connection : List.copyOf(connections)) {
            if (ban.covers(connection.stats().address())) {
                connection.closeWithError(CloseReason.KICKED, message);
                closed++;
            }
        }
        if (closed > 0) {
            log.info("closed {} connections of {}, banned by an operator", closed, ban.block().canonical());
        }
    }
}
