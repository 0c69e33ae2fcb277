package dev.arena.loadtest;

import dev.arena.server.protocol.ClientMessage;
import dev.arena.server.protocol.FrameCodec;
import dev.arena.server.protocol.GameMessage;
import dev.arena.server.protocol.Input;
import dev.arena.server.protocol.Join;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bot's frames as the server reads them: Netty's server-side WebSocket
 * decoder (which refuses unmasked frames) takes each as one final binary
 * frame, and the game server's codec decodes its payload into the message
 * the bot meant, for INPUT at every seq size and for messages of every
 * header size.
 */
class ClientFramesTest {
    private final FrameCodec codec = new FrameCodec();

    /** What the server's socket does with the bytes: unmask and decode, or fail. */
    private ClientMessage serverReads(ByteBuf frame) {
        EmbeddedChannel server = new EmbeddedChannel(new WebSocket08FrameDecoder(WebSocketDecoderConfig.newBuilder()
                .expectMaskedFrames(true).allowMaskMismatch(false).maxFramePayloadLength(1 << 20).build()));
        server.writeInbound(frame);
        BinaryWebSocketFrame received = server.readInbound();
        assertThat(received).as("one binary frame").isNotNull();
        assertThat(received.isFinalFragment()).isTrue();
        try {
            return codec.decodeClient(ByteBufUtil.getBytes(received.content()));
        } finally {
            received.release();
            assertThat((Object) server.readInbound()).as("nothing more").isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 63, 64, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152, Integer.MAX_VALUE})
    void anInputIsTheMessageTheCodecReads(int seq) {
        ClientFrames frames = new ClientFrames(0x1234_5678);
        ByteBuf frame = frames.input(ByteBufAllocator.DEFAULT, seq, 0.6f, -0.8f, 3);
        int length = frames.lastLength();
        assertThat(length).as("the codec's own encoding").isEqualTo(codec.encode(new Input(seq, 0.6f, -0.8f, 3)).length);
        assertThat(serverReads(frame)).isEqualTo(new Input(seq, 0.6f, -0.8f, 3));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100, 119, 120, 1_000, 70_000})
    void anyEncodedMessageIsFramedWhole(int payloadBytes) {
        byte[] payload = new byte[payloadBytes];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 31);
        }
        GameMessage message = new GameMessage(7, payload);
        ClientFrames frames = new ClientFrames(-1);
        ByteBuf frame = frames.message(ByteBufAllocator.DEFAULT, codec.encode((ClientMessage) message));
        ClientMessage read = serverReads(frame);
        assertThat(read).isInstanceOfSatisfying(GameMessage.class, m -> {
            assertThat(m.type()).isEqualTo(7);
            assertThat(m.payload()).isEqualTo(payload);
        });
    }

    @Test
    void aZeroMaskKeyIsReplacedSoTheBytesOnTheWireAreMasked() {
        ClientFrames frames = new ClientFrames(0);
        byte[] join = codec.encode(new Join(null, "bot1"));
        ByteBuf frame = frames.message(ByteBufAllocator.DEFAULT, join);
        byte[] wire = ByteBufUtil.getBytes(frame, frame.readerIndex() + 6, join.length);
        assertThat(wire).isNotEqualTo(join);
        assertThat(serverReads(frame)).isEqualTo(new Join(null, "bot1"));
    }
}
