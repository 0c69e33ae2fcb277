package dev.arena.server.protocol;

import com.esotericsoftware.kryo.util.Util;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kryo stays off {@code sun.misc.Unsafe}, so Java 24+ prints no warning about
 * it at start (and a Java that refuses Unsafe still runs the codec).
 */
class KryoOffUnsafeTest {
    @Test
    void aCodecKeepsKryoOffUnsafeAndStillRoundTrips() {
        FrameCodec codec = new FrameCodec();

        assertThat(Util.unsafe).as("Kryo's unsafe mode").isFalse();
        byte[] frame = codec.encode(new ErrorMessage(CloseCodes.SHUTTING_DOWN, "the server is shutting down"));
        assertThat(codec.decodeServer(frame))
                .isEqualTo(new ErrorMessage(CloseCodes.SHUTTING_DOWN, "the server is shutting down"));
    }
}
