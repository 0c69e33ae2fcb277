package dev.arena.loadtest.floor;

import dev.arena.server.protocol.ClientMessage;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.MessageTags;
import dev.arena.server.protocol.ProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * One client's socket, read side (PROTOCOL.md): JOIN (decoded once with the
 * game server's codec), every INPUT's {@code seq} (read in place: its tag and
 * one varint, nothing else), LEAVE, PING (answered), PONG (read and
 * dropped). What the game server refuses with a close code, this closes
 * with the same one: a text message 1003, anything it cannot read or that
 * comes in the wrong state 1002. The fields below belong to the socket's
 * event loop, like everything in {@link FloorLoop}.
 */
final class FloorSession extends ChannelInboundHandlerAdapter {
    private final FloorLoop loop;
    private Channel channel;
    private boolean joined;
    String name;
    /** The last INPUT's seq, and the one the client's player last carried. */
    int latestSeq;
    int sentSeq;
    /** A tick was skipped: the client's baseline is older than the last tick, so it needs a SNAPSHOT. */
    boolean stale;
    int nextPing;

    FloorSession(FloorLoop loop) {
        this.loop = loop;
    }

    Channel channel() {
        return channel;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof BinaryWebSocketFrame frame) {
                onBinary(ctx, frame.content());
            } else if (msg instanceof TextWebSocketFrame) {
                close(ctx, WebSocketCloseStatus.INVALID_MESSAGE_TYPE, "text messages are not accepted");
            } else if (msg instanceof WebSocketFrame) {
                close(ctx, WebSocketCloseStatus.PROTOCOL_ERROR, "unexpected frame");
            } else if (msg instanceof FullHttpRequest) {
                // Anything but the upgrade at /ws, which the protocol handler before this one took.
                DefaultFullHttpResponse notFound = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_FOUND);
                notFound.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
                ctx.writeAndFlush(notFound).addListener(ChannelFutureListener.CLOSE);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onBinary(ChannelHandlerContext ctx, ByteBuf in) {
        int start = in.readerIndex();
        int end = in.writerIndex();
        if (start == end) {
            close(ctx, WebSocketCloseStatus.PROTOCOL_ERROR, "empty message");
            return;
        }
        switch (in.getUnsignedByte(start)) {
            case MessageTags.CLIENT_INPUT -> {
                long seq = readVarInt(in, start + 1, end);
                if (!joined || seq < 0) {
                    close(ctx, WebSocketCloseStatus.PROTOCOL_ERROR, joined ? "malformed INPUT" : "INPUT before JOIN");
                    return;
                }
                latestSeq = (int) seq;
            }
            case MessageTags.CLIENT_PONG -> {
                // The answer to our PING: the game server takes a round-trip time from it; the floor has no use for it.
            }
            case MessageTags.CLIENT_PING -> {
                ByteBuf pong = ctx.alloc().buffer(end - start).writeBytes(in, start, end - start);
                pong.setByte(0, MessageTags.SERVER_PONG);
                ctx.writeAndFlush(new BinaryWebSocketFrame(pong), ctx.voidPromise());
            }
            case MessageTags.CLIENT_JOIN -> {
                ClientMessage message;
                try {
                    message = loop.codec().decodeClient(ByteBufUtil.getBytes(in, start, end - start, false));
                } catch (ProtocolException e) {
                    close(ctx, WebSocketCloseStatus.PROTOCOL_ERROR, e.getMessage());
                    return;
                }
                if (joined) {
                    close(ctx, WebSocketCloseStatus.PROTOCOL_ERROR, "JOIN while in a room");
                    return;
                }
                joined = true;
                loop.join(this, (Join) message);
            }
            case MessageTags.CLIENT_LEAVE -> {
                if (joined) {
                    joined = false;
                    loop.leave(this);
                }
            }
            default -> close(ctx, WebSocketCloseStatus.PROTOCOL_ERROR, "unknown message tag " + in.getUnsignedByte(start));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (joined) {
            joined = false;
            loop.leave(this);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A reset connection or a failed write: the client is gone, as the game server would see it.
        ctx.close();
    }

    private static void close(ChannelHandlerContext ctx, WebSocketCloseStatus status, String reason) {
        // A close frame's reason has room for 123 bytes.
        String shortReason = reason.length() > 100 ? reason.substring(0, 100) : reason;
        ctx.writeAndFlush(new CloseWebSocketFrame(status.code(), shortReason)).addListener(ChannelFutureListener.CLOSE);
    }

    /** The varint at {@code at} as an unsigned 32-bit value, or -1 when the message ends inside it. */
    static long readVarInt(ByteBuf in, int at, int end) {
        long value = 0;
        for (int shift = 0; shift < 35 && at < end; shift += 7) {
            int b = in.getByte(at++);
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0 || shift == 28) {
                // Like Kryo, the fifth byte ends the varint whatever its high bit.
                return value & 0xFFFFFFFFL;
            }
        }
        return -1;
    }
}
