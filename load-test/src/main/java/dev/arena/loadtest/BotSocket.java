package dev.arena.loadtest;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.vertx.core.http.WebSocket;
import io.vertx.core.internal.http.WebSocketInternal;

/**
 * The Netty channel under a bot's Vert.x WebSocket, where the bot reads and
 * writes its game messages: the one class of the load generator that reaches
 * below Vert.x's public API. The bots share the machine with the server they
 * measure, so every microsecond they spend is taken from it; Vert.x's
 * per-message path (a heap copy, a frame object and a task per message
 * received, a new masked frame and a flush per message sent) was a third of
 * their CPU. Here a whole binary message is handed to the bot as Netty
 * decoded it, and the bot writes frames it framed and masked itself
 * ({@link ClientFrames}), flushing once for all it wrote.
 *
 * <p>Vert.x keeps the rest: the upgrade, close frames, ping control frames
 * and a message that comes in fragments (the game server sends none). What
 * this relies on (the client WebSocket is a {@link WebSocketInternal} whose
 * context is Vert.x's handler; a {@link ByteBuf} written passes the client's
 * WebSocket encoder untouched; Vert.x's handler does not pass reads on) is
 * checked by {@code BotSocketTest}, which a Vert.x upgrade that changes it
 * fails.
 *
 * <p>On the socket's event loop, which is the bot's.
 */
final class BotSocket {
    /** What the bot does with a whole binary message: called on the loop, with its payload, then released. */
    interface Reader {
        void onMessage(ByteBuf payload, long arrivalNanos);
    }

    private final Channel channel;

    private BotSocket(Channel channel) {
        this.channel = channel;
    }

    /**
     * The channel of {@code ws}, whose whole binary messages go to
     * {@code reader} from now on instead of Vert.x's handlers.
     *
     * @throws IllegalStateException when this Vert.x no longer exposes it as expected
     */
    static BotSocket attach(WebSocket ws, Reader reader) {
        if (!(ws instanceof WebSocketInternal internal)) {
            throw new IllegalStateException("Vert.x's client WebSocket (" + ws.getClass().getName()
                    + ") is no longer a WebSocketInternal: see BotSocket");
        }
        ChannelHandlerContext vertx = internal.channelHandlerContext();
        vertx.pipeline().addBefore(vertx.name(), "bot-reader", new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof BinaryWebSocketFrame frame && frame.isFinalFragment()) {
                    try {
                        reader.onMessage(frame.content(), System.nanoTime());
                    } finally {
                        frame.release();
                    }
                } else {
                    ctx.fireChannelRead(msg);
                }
            }
        });
        return new BotSocket(vertx.channel());
    }

    /** Where frames to write come from: the channel's pooled allocator. */
    ByteBufAllocator alloc() {
        return channel.alloc();
    }

    /** Queues a framed, masked message, unflushed; takes over the caller's reference. */
    void write(ByteBuf frame) {
        channel.write(frame, channel.voidPromise());
    }

    /** Sends what was written since the last flush, in one system call. */
    void flush() {
        channel.flush();
    }

    /** Whether the socket takes more without queueing past its water mark. */
    boolean writable() {
        return channel.isWritable();
    }

    /** Whether the socket's thread is the caller's. */
    boolean inEventLoop() {
        return channel.eventLoop().inEventLoop();
    }
}
