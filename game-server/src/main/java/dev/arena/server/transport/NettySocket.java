package dev.arena.server.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.core.net.impl.VertxHandler;

import java.util.function.Consumer;

/**
 * The Netty channel under a Vert.x WebSocket: the one class that reaches
 * below Vert.x's public API, for what it has no way to say. Vert.x 5 writes a
 * WebSocket message as a task per write when called off the socket's event
 * loop, encodes its WebSocket header per socket, copies the payload into a
 * new buffer per socket, and flushes each write; a room sending one shared
 * DELTA to twenty sockets on two event loops needs none of that. Here a
 * {@link dev.arena.server.state.WireFrame}, framed once, is written as raw
 * bytes with no flush, then each socket is flushed once.
 *
 * <p>What it relies on, checked by {@code NettySocketTest} against the real
 * Vert.x (an upgrade breaks that test, not production): the connection of an
 * upgraded request is a {@link ConnectionBase} whose channel's pipeline ends
 * with Vert.x's {@link VertxHandler} for the WebSocket (vertx-web hands out a
 * wrapper of the WebSocket itself, so the channel is found through the
 * request's connection); a {@link ByteBuf} written to the channel passes the
 * WebSocket encoder untouched (it encodes frame objects only) and reaches the
 * client byte for byte; Vert.x's write-queue size sets the channel's water
 * marks; and Vert.x's handler does not pass writability changes on, so a
 * handler placed before it sees them first.
 *
 * <p>Vert.x's own writes (its close frame, its answers to ping control
 * frames) still go through Vert.x, on the same event loop, so they keep
 * their order with these.
 *
 * <p>Reads likewise: Vert.x copies every inbound frame to a heap buffer,
 * its message aggregator copies it again, and the handler then copies it to
 * an array to decode it. A message that comes whole in one binary frame, all
 * a client ever sends in play, is taken here from Netty's pooled buffer
 * instead (it relies on the WebSocket decoder sitting before Vert.x's
 * handler and producing Netty's frame objects). Every other frame (text,
 * fragments, ping, pong, close) still goes to Vert.x; a message in
 * fragments (never sent by our clients) keeps its order with the whole ones
 * because Vert.x hands it over on the same event loop as its last fragment
 * arrives.
 */
final class NettySocket {
    private final Channel channel;
    private final String vertxHandler;

    private NettySocket(Channel channel, String vertxHandler) {
        this.channel = channel;
        this.vertxHandler = vertxHandler;
    }

    /**
     * The channel of the WebSocket that {@code upgraded}'s request was
     * upgraded to; once the upgrade is complete.
     *
     * @throws IllegalStateException when this Vert.x no longer exposes it as expected
     */
    static NettySocket of(HttpConnection upgraded) {
        if (!(upgraded instanceof ConnectionBase connection)) {
            throw new IllegalStateException("Vert.x's HTTP connection (" + upgraded.getClass().getName()
                    + ") is no longer a ConnectionBase: see NettySocket");
        }
        Channel channel = connection.channel();
        ChannelHandlerContext last = channel.pipeline().lastContext();
        if (last == null || !(last.handler() instanceof VertxHandler)) {
            throw new IllegalStateException("the pipeline of an upgraded WebSocket no longer ends with Vert.x's handler ("
                    + channel.pipeline().names() + "): see NettySocket");
        }
        return new NettySocket(channel, last.name());
    }

    /** The thread every write and flush must run on. */
    EventLoop eventLoop() {
        return channel.eventLoop();
    }

    /** Whether the socket is open. Any thread. */
    boolean isOpen() {
        return channel.isOpen();
    }

    /**
     * Whether the socket's outgoing bytes are over the high water mark
     * (Vert.x's {@code setWriteQueueMaxSize}) and not yet back under the low
     * one. False once closed. Any thread.
     */
    boolean congested() {
        return !channel.isWritable() && channel.isOpen();
    }

    /** Queues a ready frame for the socket, without a flush; takes over the caller's reference. On the event loop. */
    void write(ByteBuf frame) {
        channel.write(frame, channel.voidPromise());
    }

    /** Sends what was written since the last flush: one system call for all of it. On the event loop. */
    void flush() {
        channel.flush();
    }

    /**
     * Hands each message that comes whole in one binary frame to
     * {@code reader} on the event loop, instead of to Vert.x: the frame's
     * payload, released when {@code reader} returns. Call once, on the event
     * loop; frames Vert.x took before go its way.
     */
    void onWholeBinaryMessages(Consumer<ByteBuf> reader) {
        channel.pipeline().addBefore(vertxHandler, "arena-read", new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof BinaryWebSocketFrame frame && frame.isFinalFragment()) {
                    try {
                        reader.accept(frame.content());
                    } finally {
                        frame.release();
                    }
                } else {
                    ctx.fireChannelRead(msg);
                }
            }
        });
    }

    /** Calls {@code drained} on the event loop each time the socket stops being congested. */
    void onDrained(Runnable drained) {
        channel.pipeline().addBefore(vertxHandler, "arena-drain", new ChannelInboundHandlerAdapter() {
            @Override
            public void channelWritabilityChanged(ChannelHandlerContext ctx) {
                if (ctx.channel().isWritable()) {
                    drained.run();
                }
                ctx.fireChannelWritabilityChanged();
            }
        });
    }
}
