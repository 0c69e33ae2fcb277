package dev.arena.server.state;

import com.esotericsoftware.kryo.io.Output;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pre-framed message is exactly what a WebSocket client's decoder takes as
 * one final binary frame holding the message, at every header size
 * (RFC 6455, 5.2: 7-bit, 16-bit and 64-bit lengths), read by Netty's real
 * client-side decoder; and each socket's view of a shared frame reads the
 * whole frame whatever the others read.
 */
class WireFrameTest {
    /** A client's decoder: servers do not mask, and a whole snapshot may be large. */
    private static EmbeddedChannel client() {
        return new EmbeddedChannel(new WebSocket08FrameDecoder(WebSocketDecoderConfig.newBuilder()
                .expectMaskedFrames(false).allowMaskMismatch(false).maxFramePayloadLength(1 << 20).build()));
    }

    private static byte[] payload(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 125, 126, 127, 65_535, 65_536, 200_000})
    void aClientDecodesOneFinalBinaryFrameHoldingTheMessage(int length) {
        byte[] message = payload(length);
        Output out = new Output(length, -1);
        out.writeBytes(message);
        WireFrame heap = WireFrame.of(message);
        WireFrame pooled = WireFrame.pooled(ByteBufAllocator.DEFAULT, out);
        try {
            for (WireFrame frame : new WireFrame[] {heap, pooled}) {
                assertThat(frame.length()).isEqualTo(length);
                assertThat(frame.payload()).isEqualTo(message);
                assertThat(frame.bytes()).hasSize(WireFrame.headerLength(length) + length);
                EmbeddedChannel client = client();
                client.writeInbound(frame.retainedFrame());
                BinaryWebSocketFrame received = client.readInbound();
                assertThat(received).as("a binary frame of %d bytes", length).isNotNull();
                assertThat(received.isFinalFragment()).isTrue();
                byte[] got = new byte[received.content().readableBytes()];
                received.content().readBytes(got);
                received.release();
                assertThat(got).isEqualTo(message);
                assertThat((Object) client.readInbound()).as("nothing more").isNull();
            }
        } finally {
            pooled.release();
        }
    }

    @Test
    void eachSocketsViewReadsTheWholeFrameAndTheMemoryGoesBackOnceAllAreDone() {
        Output out = new Output(64, -1);
        out.writeBytes(payload(40));
        WireFrame frame = WireFrame.pooled(ByteBufAllocator.DEFAULT, out);
        byte[] expected = frame.bytes();

        ByteBuf first = frame.retainedFrame();
        ByteBuf second = frame.retainedFrame();
        first.skipBytes(first.readableBytes()); // one socket wrote it all
        assertThat(second.readableBytes()).as("the other socket's view is untouched").isEqualTo(expected.length);
        assertThat(readable(second)).isEqualTo(expected);

        frame.release(); // the replication's reference, at the next send tick
        assertThat(second.refCnt()).as("still held by the sockets").isPositive();
        first.release();
        second.release();
        assertThat(second.refCnt()).as("every holder let go").isZero();
    }

    @Test
    void aFrameIsFinAndBinaryThenTheLengthThenTheMessage() {
        WireFrame frame = WireFrame.of(new byte[] {66, 1, 2});
        assertThat(frame.bytes()).containsExactly(0x82, 3, 66, 1, 2);
        ByteBuf view = frame.retainedFrame();
        assertThat(readable(view)).containsExactly(0x82, 3, 66, 1, 2);
        view.release();
    }

    /** A buffer's readable bytes, without moving it. */
    private static byte[] readable(ByteBuf buf) {
        byte[] bytes = new byte[buf.readableBytes()];
        buf.getBytes(buf.readerIndex(), bytes);
        return bytes;
    }
}
