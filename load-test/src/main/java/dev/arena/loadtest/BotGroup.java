package dev.arena.loadtest;

import dev.arena.server.protocol.FrameCodec;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * The bots of one event loop. Deployed as a verticle, so its bots' sockets,
 * timers and handlers all run on that loop: the codec and the bots' state
 * need no locks. Holds the WebSocket client in a field for as long as its
 * connections live (Vert.x 5 closes a client that is garbage-collected), and
 * the one timer that paces its bots' inputs ({@link InputWheel}).
 */
final class BotGroup extends VerticleBase {
    private final int maxConnections;
    private final Target target;
    private final int inputHz;
    private final List<Bot> bots = new ArrayList<>();
    private WebSocketClient client;
    private FrameCodec codec;
    private InputWheel wheel;

    /** @param inputHz inputs per second per bot ({@code --input-hz}) */
    BotGroup(int maxConnections, Target target, int inputHz) {
        this.maxConnections = maxConnections;
        this.target = target;
        this.inputHz = inputHz;
    }

    @Override
    public Future<?> start() {
        codec = new FrameCodec();
        wheel = new InputWheel(vertx, (int) Math.max(1, Math.round(1000.0 / inputHz)));
        client = vertx.createWebSocketClient(target.applyTo(new WebSocketClientOptions()
                // The default is 50 WebSockets per client; each bot holds one.
                .setMaxConnections(maxConnections + 16)
                .setMaxFrameSize(FrameCodec.MAX_ENCODED_BYTES)
                .setMaxMessageSize(FrameCodec.MAX_ENCODED_BYTES)
                .setTryUsePerMessageCompression(false)
                .setTryUsePerFrameCompression(false)
                .setTcpNoDelay(true)
                .setConnectTimeout(10_000)));
        return Future.succeededFuture();
    }

    /** Runs on this group's event loop. */
    void run(Runnable action) {
        context.runOnContext(v -> action.run());
    }

    void add(Bot bot) {
        bots.add(bot);
    }

    List<Bot> bots() {
        return bots;
    }

    Target target() {
        return target;
    }

    WebSocketClient client() {
        return client;
    }

    FrameCodec codec() {
        return codec;
    }

    InputWheel wheel() {
        return wheel;
    }

    io.vertx.core.Vertx vertx() {
        return vertx;
    }

    /** Closes every bot's socket (a normal close, not counted as a disconnect), then the client. */
    Future<Void> closeAll() {
        io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
        context.runOnContext(v -> {
            List<Future<Void>> closes = new ArrayList<>(bots.size());
            for (Bot bot : bots) {
                closes.add(bot.stop());
            }
            Future.join(closes).eventually(() -> client.close()).onComplete(r -> done.complete());
        });
        return done.future();
    }
}
