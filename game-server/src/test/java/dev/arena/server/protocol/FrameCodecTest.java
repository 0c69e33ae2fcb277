package dev.arena.server.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every way a frame can be malformed, fed to the codec as bytes with no
 * socket: each is refused with a {@link ProtocolException} whose reason (and
 * so close code and metric label) PROTOCOL.md and docs/OPERATIONS.md name,
 * and the codec decodes the next good frame as if nothing happened (decoders
 * keep no state between frames). What a session does with the refusal is
 * {@code transport.BadInputTest}'s.
 */
class FrameCodecTest {
    private final FrameCodec codec = new FrameCodec();

    static Stream<Arguments> malformedClientFrames() {
        return Stream.of(
                Arguments.of("empty message", "", CloseReason.EMPTY),
                Arguments.of("unknown tag", "7f00", CloseReason.UNKNOWN_TAG),
                Arguments.of("tag 0", "00", CloseReason.UNKNOWN_TAG),
                Arguments.of("server tag sent by a client", "4300", CloseReason.UNKNOWN_TAG),
                Arguments.of("tag only, INPUT", "02", CloseReason.TRUNCATED),
                Arguments.of("truncated input", "0201000080", CloseReason.TRUNCATED),
                Arguments.of("input cut inside dx, frame shorter than a float", "020100", CloseReason.TRUNCATED),
                Arguments.of("input cut inside dy", "02010000803f0000", CloseReason.TRUNCATED),
                Arguments.of("input without buttons", "02010000803f00000000", CloseReason.TRUNCATED),
                Arguments.of("ping cut inside its varlong", "03ff", CloseReason.TRUNCATED),
                Arguments.of("trailing bytes after a ping", "0301ff", CloseReason.TRAILING_BYTES),
                Arguments.of("a body on LEAVE", "0500", CloseReason.TRAILING_BYTES),
                Arguments.of("varlong longer than 9 bytes", "03ffffffffffffffffffff01", CloseReason.TRAILING_BYTES),
                Arguments.of("varint seq longer than 5 bytes", "02ffffffffff01" + "0000803f" + "00000000" + "00",
                        CloseReason.TRAILING_BYTES),
                Arguments.of("NaN dx", "02010000c07f0000000000", CloseReason.BAD_VALUE),
                Arguments.of("NaN dy", "0201" + "00000000" + "0000c07f" + "00", CloseReason.BAD_VALUE),
                Arguments.of("+infinite dx", "02010000807f0000000000", CloseReason.BAD_VALUE),
                Arguments.of("-infinite dy", "020100000000000080ff00", CloseReason.BAD_VALUE),
                Arguments.of("string claiming 2^20 chars", "0102ff808080", CloseReason.TRUNCATED),
                Arguments.of("string claiming more chars than bytes left", "01028a616263", CloseReason.TRUNCATED),
                Arguments.of("ASCII string without its last-byte mark", "0102616263", CloseReason.TRUNCATED),
                Arguments.of("string length varint longer than 5 bytes", "0102ffffffffff0180", CloseReason.BAD_LENGTH),
                Arguments.of("game of 33 chars", "0102" + ascii(33) + "80", CloseReason.STRING_TOO_LONG),
                Arguments.of("room id of 65 chars", "010280" + ascii(65) + "80", CloseReason.STRING_TOO_LONG),
                Arguments.of("name of 65 chars (length form)", "01028080" + lengthForm(65), CloseReason.STRING_TOO_LONG),
                Arguments.of("private code of 17 chars", "010280808000" + ascii(17), CloseReason.STRING_TOO_LONG),
                Arguments.of("reservation of 65 chars", "01028080800080" + ascii(65), CloseReason.STRING_TOO_LONG),
                Arguments.of("JOIN without its reservation", "01028080800080", CloseReason.TRUNCATED),
                Arguments.of("JOIN with a flag this version does not define", "01028080800480", CloseReason.BAD_VALUE),
                Arguments.of("JOIN without its version", "01", CloseReason.TRUNCATED),
                Arguments.of("MESSAGE type above 65535", "0780800400", CloseReason.BAD_VALUE),
                Arguments.of("MESSAGE payload longer than the frame", "0701056869", CloseReason.TRUNCATED),
                Arguments.of("MESSAGE payload length over 2^31", "0701ffffffff0f", CloseReason.BAD_LENGTH),
                Arguments.of("MESSAGE without a payload length", "0701", CloseReason.TRUNCATED),
                Arguments.of("JOIN without a name", "01028080", CloseReason.TRUNCATED),
                Arguments.of("RESUME without its version", "06", CloseReason.TRUNCATED),
                Arguments.of("RESUME token of 65 chars", "0602" + lengthForm(65) + "00", CloseReason.STRING_TOO_LONG),
                Arguments.of("RESUME token of invalid UTF-8", "060282c08000", CloseReason.BAD_STRING),
                Arguments.of("RESUME without its last tick", "060280", CloseReason.TRUNCATED),
                Arguments.of("RESUME with bytes after its last tick", "0602800000", CloseReason.TRAILING_BYTES));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedClientFrames")
    void aMalformedClientFrameIsRefusedWithItsReason(String description, String hex, CloseReason reason) {
        assertRefused(() -> codec.decodeClient(HexFormat.of().parseHex(hex)), reason);
        assertTheInputPathAgrees(HexFormat.of().parseHex(hex));
        assertTheCodecStillDecodes();
    }

    static Stream<Arguments> malformedServerFrames() {
        return Stream.of(
                Arguments.of("client tag sent by the server", "0100", CloseReason.UNKNOWN_TAG),
                Arguments.of("snapshot claiming more entities than bytes left", "4101ff01", CloseReason.BAD_LENGTH),
                Arguments.of("entity claiming more fields than bytes left", "4101010a0180" + "7f", CloseReason.BAD_LENGTH),
                Arguments.of("snapshot cut inside an entity", "410101" + "0a01", CloseReason.TRUNCATED),
                Arguments.of("error with bytes after its message", "45a01f81" + "00", CloseReason.TRAILING_BYTES),
                Arguments.of("notice of 501 chars", "48" + lengthForm(Notice.MAX_CHARS + 1), CloseReason.STRING_TOO_LONG),
                Arguments.of("notice without its text", "48", CloseReason.TRUNCATED));
    }

    /** The bots and the tests decode with the same codec, so it refuses a bad server frame as strictly. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedServerFrames")
    void aMalformedServerFrameIsRefusedWithItsReason(String description, String hex, CloseReason reason) {
        assertRefused(() -> codec.decodeServer(HexFormat.of().parseHex(hex)), reason);
    }

    /** Every golden client vector cut short anywhere is truncated, and with a byte added it has trailing bytes. */
    @TestFactory
    Stream<DynamicTest> everyPrefixOfAClientMessageIsTruncatedAndAnyExtraByteIsTrailing() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : ProtocolVectorsTest.vectorFiles()) {
            if (!file.getFileName().toString().startsWith("client-")) {
                continue;
            }
            JsonArray vectors = new JsonArray(Files.readString(file));
            for (int i = 0; i < vectors.size(); i++) {
                JsonObject v = vectors.getJsonObject(i);
                if (v.getJsonObject("fields").getInteger("protocolVersion", ProtocolVersion.CURRENT) != ProtocolVersion.CURRENT) {
                    // Another version's JOIN is read no further than its version: see below.
                    continue;
                }
                byte[] frame = VectorJson.hex(v.getString("hex"));
                tests.add(DynamicTest.dynamicTest(file.getFileName() + ": " + v.getString("name"), () -> {
                    for (int length = 1; length < frame.length; length++) {
                        byte[] prefix = Arrays.copyOf(frame, length);
                        assertRefused(() -> codec.decodeClient(prefix), CloseReason.TRUNCATED);
                        assertTheInputPathAgrees(prefix);
                    }
                    byte[] longer = Arrays.copyOf(frame, frame.length + 1);
                    assertRefused(() -> codec.decodeClient(longer), CloseReason.TRAILING_BYTES);
                    assertTheInputPathAgrees(longer);
                    assertTheInputPathAgrees(frame);
                    assertThat(codec.decodeClient(frame)).isEqualTo(VectorJson.message(v.getString("message"),
                            v.getJsonObject("fields")));
                }));
            }
        }
        assertThat(tests).as("client vectors found").hasSizeGreaterThan(10);
        return tests.stream();
    }

    @Test
    void aJoinOfAnotherVersionIsReadNoFurtherThanItsVersionSoItsClientCanBeToldTheVersionsDiffer() {
        // A version-1 JOIN, quick-join as "ann": its first string reads as the varint 12416.
        assertThat(codec.decodeClient(HexFormat.of().parseHex("0180616eee")))
                .isEqualTo(new Join(12416, null, null, null, 0, null));
        assertThat(codec.decodeClient(HexFormat.of().parseHex("0103"))).isEqualTo(new Join(3, null, null, null, 0, null));
        assertThat(((Join) codec.decodeClient(HexFormat.of().parseHex("0103ffffffff"))).protocolVersion()).isEqualTo(3);
        // RESUME keeps its version first for the same reason.
        assertThat(codec.decodeClient(HexFormat.of().parseHex("0601ffffffff"))).isEqualTo(new Resume(1, null, -1));
        assertTheCodecStillDecodes();
    }

    @Test
    void everyRefusalClosesWithTheCodeOfItsReason() {
        assertThatThrownBy(() -> codec.decodeClient(new byte[0]))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.closeCode()).isEqualTo(CloseCodes.PROTOCOL_ERROR);
                    assertThat(e.reason().label()).isEqualTo("empty");
                    assertThat(e.getMessage()).isEqualTo("empty message");
                });
    }

    private static void assertRefused(Runnable decode, CloseReason reason) {
        assertThatThrownBy(decode::run).isInstanceOfSatisfying(ProtocolException.class, e -> {
            assertThat(e.reason()).as("reason of: %s", e.getMessage()).isEqualTo(reason);
            assertThat(e.closeCode()).isEqualTo(CloseCodes.PROTOCOL_ERROR);
        });
    }

    /**
     * The server's read path of INPUTs ({@link FrameCodec#decodeInput}, no message object) reads exactly what
     * {@link FrameCodec#decodeClient} reads and refuses what it refuses, with the same reason; it leaves every
     * other frame to decodeClient, reading nothing.
     */
    private void assertTheInputPathAgrees(byte[] frame) {
        ClientMessage expected = null;
        CloseReason refusal = null;
        try {
            expected = codec.decodeClient(frame);
        } catch (ProtocolException e) {
            refusal = e.reason();
        }
        ByteBuf buf = Unpooled.wrappedBuffer(frame);
        InputFields fields = new InputFields();
        boolean anInput = frame.length > 0 && frame[0] == MessageTags.CLIENT_INPUT;
        if (refusal != null && anInput) {
            assertRefused(() -> codec.decodeInput(buf, fields), refusal);
            return;
        }
        assertThat(codec.decodeInput(buf, fields)).as("read as an INPUT").isEqualTo(anInput);
        assertThat(buf.readerIndex()).as("the frame is the caller's: not consumed").isZero();
        if (anInput) {
            assertThat(new Input(fields.seq(), fields.dx(), fields.dy(), fields.buttons())).isEqualTo(expected);
        }
    }

    private void assertTheCodecStillDecodes() {
        assertThat(codec.decodeClient(HexFormat.of().parseHex("01028080616eee008080"))).isEqualTo(new Join(null, "ann"));
        assertThat(codec.decodeClient(HexFormat.of().parseHex("02010000803f0000000000")))
                .isEqualTo(new Input(1, 1, 0, 0));
    }

    /** {@code n} ASCII letters in Kryo's short form: the last byte has its high bit set. */
    private static String ascii(int n) {
        byte[] bytes = new byte[n];
        Arrays.fill(bytes, (byte) 'a');
        bytes[n - 1] |= (byte) 0x80;
        return HexFormat.of().formatHex(bytes);
    }

    /** {@code n} letters in Kryo's length form: a flagged varint of n + 1, then one byte per char. */
    private static String lengthForm(int n) {
        int length = n + 1;
        String header = HexFormat.of().formatHex(new byte[] {(byte) (0x80 | 0x40 | (length & 0x3F)), (byte) (length >>> 6)});
        return header + "61".repeat(n);
    }
}
