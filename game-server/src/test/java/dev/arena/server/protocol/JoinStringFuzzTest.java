package dev.arena.server.protocol;

import com.esotericsoftware.kryo.io.Input;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Seeded fuzzing of JOIN bodies (their four strings) through one long-lived codec, as a server's
 * event loop uses it: before each random frame the codec decodes a JOIN full
 * of "secret" chars from a range the random frames almost never encode, and
 * no string decoded from the random frame may hold a char that frame does not
 * encode. Frames that do decode must decode as a fresh Kryo reader reads them.
 */
class JoinStringFuzzTest {
    private static final int FRAMES = 120_000;
    /** Secrets from the CJK block: three bytes each, so a random frame encodes one about never. */
    private static final int SECRET_BASE = 0x4E00;

    @Test
    void noDecodedStringHoldsACharItsOwnFrameDoesNotEncode() {
        SplittableRandom random = new SplittableRandom(20261202L);
        FrameCodec codec = new FrameCodec();
        int decoded = 0;
        int refused = 0;
        int nonEmpty = 0;
        for (int i = 0; i < FRAMES; i++) {
            codec.decodeClient(codec.encode(new Join(ProtocolVersion.CURRENT, secret(random), secret(random),
                    secret(random), 0, secret(random), secret(random))));
            byte[] frame = randomJoin(random);
            Join join;
            try {
                join = (Join) codec.decodeClient(frame);
            } catch (ProtocolException e) {
                refused++;
                continue;
            }
            decoded++;
            for (String s : new String[]{join.game(), join.roomId(), join.name(), join.privateCode(), join.reservation()}) {
                if (s == null) {
                    continue;
                }
                nonEmpty += s.isEmpty() ? 0 : 1;
                for (int k = 0; k < s.length(); k++) {
                    if (!encodes(frame, s.charAt(k))) {
                        fail("frame %d (%s) decoded to %s, whose char U+%04X the frame does not encode",
                                i, HexFormat.of().formatHex(frame), join, (int) s.charAt(k));
                    }
                }
            }
            assertThat(join).as("frame %s", HexFormat.of().formatHex(frame)).isEqualTo(kryoFresh(frame));
        }
        // A generator that only made garbage (or only valid strings) would prove nothing.
        assertThat(decoded).as("frames decoded").isGreaterThan(FRAMES / 10);
        assertThat(refused).as("frames refused").isGreaterThan(FRAMES / 10);
        assertThat(nonEmpty).as("non-empty strings decoded").isGreaterThan(FRAMES / 10);
    }

    /** A JOIN of this version with random string fields, each well formed, nearly so, or plain noise. */
    private static byte[] randomJoin(SplittableRandom random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(MessageTags.CLIENT_JOIN);
        out.write(ProtocolVersion.CURRENT);
        // The game and the private code are mostly null, so that enough frames decode to check the four.
        sometimesRandomString(random, out);
        randomString(random, out);
        randomString(random, out);
        out.write(random.nextInt(16) == 0 ? random.nextInt(0x80) : 0);
        sometimesRandomString(random, out);
        sometimesRandomString(random, out);
        if (random.nextInt(20) == 0) {
            out.write(random.nextInt(256));
        }
        byte[] frame = out.toByteArray();
        if (random.nextInt(20) == 0 && frame.length > 1) {
            frame = java.util.Arrays.copyOf(frame, 1 + random.nextInt(frame.length - 1));
        }
        return frame;
    }

    private static void sometimesRandomString(SplittableRandom random, ByteArrayOutputStream out) {
        if (random.nextInt(8) == 0) {
            randomString(random, out);
        } else {
            out.write(0x80);
        }
    }

    private static void randomString(SplittableRandom random, ByteArrayOutputStream out) {
        switch (random.nextInt(6)) {
            case 0 -> out.write(0x80 | random.nextInt(2)); // null or empty
            case 1 -> {
                int count = 1 + random.nextInt(20);
                for (int i = 0; i < count; i++) {
                    out.write(random.nextInt(0x80));
                }
                out.write(0x80 | random.nextInt(0x80));
            }
            case 2 -> noise(random, out, random.nextInt(12));
            default -> {
                int chars = random.nextInt(14);
                int claimed = random.nextInt(8) == 0 ? chars + random.nextInt(1, 4) : chars;
                out.write(0x80 | claimed + 1);
                for (int i = 0; i < chars; i++) {
                    if (random.nextInt(3) == 0) {
                        out.write(random.nextInt(256));
                    } else {
                        unit(random, out);
                    }
                }
            }
        }
    }

    /** One UTF-16 unit the way Kryo writes it, from a range picked at random (surrogates included, unpaired). */
    private static void unit(SplittableRandom random, ByteArrayOutputStream out) {
        int c = switch (random.nextInt(4)) {
            case 0 -> random.nextInt(0x80);
            case 1 -> random.nextInt(0x80, 0x800);
            case 2 -> random.nextInt(0xD800, 0xE000);
            default -> random.nextInt(0x800, 0x10000);
        };
        if (c < 0x80) {
            out.write(c);
        } else if (c < 0x800) {
            out.write(0xC0 | c >> 6);
            out.write(0x80 | c & 0x3F);
        } else {
            out.write(0xE0 | c >> 12);
            out.write(0x80 | c >> 6 & 0x3F);
            out.write(0x80 | c & 0x3F);
        }
    }

    private static void noise(SplittableRandom random, ByteArrayOutputStream out, int count) {
        for (int i = 0; i < count; i++) {
            out.write(random.nextInt(256));
        }
    }

    private static String secret(SplittableRandom random) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            s.append((char) (SECRET_BASE + random.nextInt(0x5000)));
        }
        return s.toString();
    }

    /** Whether the frame holds a byte sequence that encodes {@code c} (in the ASCII or the length form). */
    private static boolean encodes(byte[] frame, char c) {
        if (c < 0x80) {
            return indexOf(frame, new byte[]{(byte) c}) >= 0 || indexOf(frame, new byte[]{(byte) (c | 0x80)}) >= 0;
        }
        byte[] bytes = c < 0x800 ? new byte[]{(byte) (0xC0 | c >> 6), (byte) (0x80 | c & 0x3F)}
                : new byte[]{(byte) (0xE0 | c >> 12), (byte) (0x80 | c >> 6 & 0x3F), (byte) (0x80 | c & 0x3F)};
        return indexOf(frame, bytes) >= 0;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 1; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The frame read by a new Kryo {@code Input}, whose char buffer holds nothing from before. */
    private static Join kryoFresh(byte[] frame) {
        Input in = new Input(frame, 1, frame.length - 1);
        int version = in.readVarInt(true);
        String game = in.readString();
        String roomId = in.readString();
        String name = in.readString();
        int flags = in.readVarInt(true);
        return new Join(version, game, roomId, name, flags, in.readString(), in.readString());
    }
}
