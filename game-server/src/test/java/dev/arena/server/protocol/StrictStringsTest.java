package dev.arena.server.protocol;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Strings are decoded from the bytes of their own message only, and an
 * encoding Kryo's writer cannot produce is refused as {@code bad_string}
 * (PROTOCOL.md "string"), at codec level: no socket.
 */
class StrictStringsTest {
    private final FrameCodec codec = new FrameCodec();

    @Test
    void invalidCharBytesNeverDecodeToAnEarlierMessagesText() {
        // Kryo's reader skipped lead bytes it did not know without writing a char, so the name below came
        // back as the first 12 chars the same codec had decoded before: another player's name and room id.
        codec.decodeClient(codec.encode(new Join("secret-room-id", "Sécret name")));
        // JOIN v2: version 2, game null, room id null, then the name.
        byte[] probe = HexFormat.of().parseHex("01" + "02" + "80" + "80" + "8d" + "80".repeat(12));

        assertThatThrownBy(() -> codec.decodeClient(probe))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.reason().label()).isEqualTo("bad_string");
                    assertThat(e.closeCode()).isEqualTo(CloseCodes.PROTOCOL_ERROR);
                    assertThat(e.getMessage()).contains("name").doesNotContain("cret");
                });
    }

    /** The invalid-string vectors both decoders must refuse (PROTOCOL.md "Invalid vectors"). */
    static Stream<Arguments> invalidStrings() throws Exception {
        Path file = Path.of(StrictStringsTest.class.getResource("/protocol/vectors/invalid/strings.json").toURI());
        JsonArray vectors = new JsonArray(Files.readString(file));
        assertThat(vectors).as("invalid-string vectors").hasSizeGreaterThan(20);
        return vectors.stream().map(JsonObject.class::cast)
                .map(v -> Arguments.of(v.getString("name"), v.getString("message"), v.getString("hex"), v.getString("reason")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidStrings")
    void anInvalidEncodingIsABadString(String description, String message, String hex, String reason) {
        byte[] frame = HexFormat.of().parseHex(hex);
        assertThatThrownBy(() -> {
            if (message.startsWith("CLIENT_")) {
                codec.decodeClient(frame);
            } else {
                codec.decodeServer(frame);
            }
        }).isInstanceOfSatisfying(ProtocolException.class, e -> {
            assertThat(e.reason().label()).as(e.getMessage()).isEqualTo(reason);
            assertThat(e.closeCode()).isEqualTo(CloseCodes.PROTOCOL_ERROR);
        });
    }

    @Test
    void everyFormKryoWritesDecodesToTheSameString() {
        List<String> strings = java.util.Arrays.asList(null, "", "a", "ab", "\0a", "a\0", "é", "😀", "ñ😀x",
                "a".repeat(32), "a".repeat(33), "\u007f\u0080", "\u07ff\u0800", "\ud7ff\ue000\uffff", "\ud800\udc00",
                "\udbff\udfff", "x".repeat(64));
        for (String s : strings) {
            assertThat(codec.decodeClient(codec.encode(new Join(s, s)))).as(String.valueOf(s)).isEqualTo(new Join(s, s));
        }
    }

    @Test
    void randomWellFormedStringsDecodeAsKryoWroteThem() {
        SplittableRandom random = new SplittableRandom(8);
        for (int i = 0; i < 20_000; i++) {
            String roomId = randomWellFormed(random, 64);
            String name = randomWellFormed(random, 64);
            assertThat(codec.decodeClient(codec.encode(new Join(roomId, name)))).isEqualTo(new Join(roomId, name));
        }
    }

    @Test
    void aWellFormedStringOverItsLimitIsTooLong() {
        assertThatThrownBy(() -> codec.decodeClient(codec.encode(new Join(null, "é".repeat(65)))))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.reason().label()).isEqualTo("string_too_long"));
        assertThatThrownBy(() -> codec.decodeClient(codec.encode(new Join("r".repeat(65), null))))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.reason().label()).isEqualTo("string_too_long"));
    }

    /** A string of up to {@code max} UTF-16 units, surrogates only in pairs, or null. */
    static String randomWellFormed(SplittableRandom random, int max) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return null;
        }
        int length = random.nextInt(max + 1);
        StringBuilder s = new StringBuilder(length);
        while (s.length() < length) {
            int range = kind < 4 ? 0 : random.nextInt(5);
            switch (range) {
                case 0 -> s.append((char) random.nextInt(0x80));
                case 1 -> s.append((char) random.nextInt(0x80, 0x800));
                case 2 -> s.append((char) random.nextInt(0x800, 0xD800));
                case 3 -> s.append((char) random.nextInt(0xE000, 0x10000));
                default -> {
                    if (s.length() + 2 <= length) {
                        s.appendCodePoint(random.nextInt(0x10000, 0x110000));
                    }
                }
            }
        }
        return s.toString();
    }
}
