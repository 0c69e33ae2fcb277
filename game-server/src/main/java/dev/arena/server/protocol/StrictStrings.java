package dev.arena.server.protocol;

import com.esotericsoftware.kryo.io.Input;

/**
 * Reads the four Kryo string forms of PROTOCOL.md ("string") strictly, from
 * the bytes of the message being decoded and nothing else.
 *
 * <p>Kryo's own {@code Input.readString} must not see client bytes: it decodes
 * into a char buffer it reuses across calls, and skips, without writing
 * anything, a byte that is not a valid lead byte. A length-form string of
 * twelve {@code 0x80} bytes then "decodes" to whatever the previous string
 * read by that {@code Input} left in the buffer: another player's name. This
 * reader allocates the result per string and refuses (close 1002) anything
 * Kryo's {@code Output.writeString} cannot have produced. A string the message
 * ends inside (an ASCII form without its last byte, a length or a char cut off,
 * a length claiming more chars than bytes are left) is {@code truncated}, like
 * any field cut off; a length varint longer than 5 bytes is {@code bad_length};
 * these are {@code bad_string}:
 * <ul>
 *   <li>a length varint not in its shortest form;</li>
 *   <li>a lead byte {@code 0x80..0xC1} or {@code 0xF0..0xFF}, or a
 *       continuation byte that is not {@code 10xxxxxx};</li>
 *   <li>an overlong char (two bytes for a char below {@code 0x80}, three for
 *       one below {@code 0x800});</li>
 *   <li>a surrogate half that is not part of a high-low pair.</li>
 * </ul>
 * A well-formed string over the field's limit is {@code string_too_long}.
 */
final class StrictStrings {
    private StrictStrings() {
    }

    /** Reads a string bounded only by the bytes left in the message. */
    static String read(Input in, String field) {
        return read(in, Integer.MAX_VALUE, field);
    }

    /**
     * Reads one string and advances {@code in} past it.
     *
     * @param maxChars the most UTF-16 units the field may hold
     * @param field    the field's name, for the error message
     * @return the string, or null for Kryo's null form
     * @throws ProtocolException {@code bad_string} or {@code string_too_long}
     */
    static String read(Input in, int maxChars, String field) {
        byte[] buf = in.getBuffer();
        int limit = in.limit();
        int p = in.position();
        if (p >= limit) {
            throw truncated(field, "the message ends where it should start");
        }
        int first = buf[p] & 0xFF;
        return (first & 0x80) == 0 ? readAscii(in, buf, p, limit, maxChars, field)
                : readLengthForm(in, buf, p, limit, maxChars, field);
    }

    /** ASCII form: 7-bit chars, the last one flagged with the high bit; no length. */
    private static String readAscii(Input in, byte[] buf, int start, int limit, int maxChars, String field) {
        int end = start;
        while (end < limit && (buf[end] & 0x80) == 0) {
            end++;
        }
        if (end == limit) {
            throw truncated(field, "its ASCII form has no last byte (high bit set) before the message ends");
        }
        int count = end - start + 1;
        checkLength(count, maxChars, field);
        char[] chars = new char[count];
        for (int i = 0; i < count - 1; i++) {
            chars[i] = (char) buf[start + i];
        }
        chars[count - 1] = (char) (buf[end] & 0x7F);
        in.setPosition(end + 1);
        return new String(chars);
    }

    /** Null, empty and UTF-16 length forms: a flagged varint n (chars + 1), then 1 to 3 bytes a char. */
    private static String readLengthForm(Input in, byte[] buf, int start, int limit, int maxChars, String field) {
        int q = start;
        int first = buf[q++] & 0xFF;
        long n = first & 0x3F;
        if ((first & 0x40) != 0) {
            int shift = 6;
            int b;
            do {
                if (shift > 27) {
                    throw new ProtocolException(CloseReason.BAD_LENGTH, field + " has a length longer than 5 bytes");
                }
                if (q >= limit) {
                    throw truncated(field, "the message ends inside its length");
                }
                b = buf[q++] & 0xFF;
                n |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            if (b == 0) {
                throw bad(field, "its length is not in its shortest form");
            }
        }
        if (n == 0) {
            in.setPosition(q);
            return null;
        }
        long count = n - 1;
        checkLength(count, maxChars, field);
        if (count > limit - q) {
            throw truncated(field, "it claims " + count + " chars but " + (limit - q) + " bytes are left");
        }
        char[] chars = new char[(int) count];
        for (int i = 0; i < chars.length; i++) {
            if (q >= limit) {
                throw truncated(field, "the message ends inside char " + i + " of " + count);
            }
            int b = buf[q++] & 0xFF;
            int c;
            if (b < 0x80) {
                c = b;
            } else if (b >= 0xC2 && b <= 0xDF) {
                q = requireContinuations(buf, q, limit, 1, field);
                c = (b & 0x1F) << 6 | buf[q - 1] & 0x3F;
            } else if ((b & 0xF0) == 0xE0) {
                q = requireContinuations(buf, q, limit, 2, field);
                c = (b & 0x0F) << 12 | (buf[q - 2] & 0x3F) << 6 | buf[q - 1] & 0x3F;
                if (c < 0x800) {
                    throw bad(field, "char " + i + " is overlong (3 bytes for U+" + hex(c) + ")");
                }
            } else {
                throw bad(field, "byte 0x" + Integer.toHexString(b) + " cannot start char " + i
                        + (b < 0xC2 && b >= 0xC0 ? " (an overlong form)" : ""));
            }
            chars[i] = (char) c;
        }
        checkSurrogates(chars, field);
        in.setPosition(q);
        return new String(chars);
    }

    private static int requireContinuations(byte[] buf, int q, int limit, int count, String field) {
        for (int k = 0; k < count; k++) {
            if (q >= limit) {
                throw truncated(field, "the message ends inside a multi-byte char");
            }
            if ((buf[q] & 0xC0) != 0x80) {
                throw bad(field, "byte 0x" + Integer.toHexString(buf[q] & 0xFF) + " where a continuation byte belongs");
            }
            q++;
        }
        return q;
    }

    /** Every high surrogate is followed by a low one, and every low one follows a high one. */
    private static void checkSurrogates(char[] chars, String field) {
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == chars.length || !Character.isLowSurrogate(chars[i + 1])) {
                    throw bad(field, "char " + i + " is a high surrogate without its low half");
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw bad(field, "char " + i + " is a low surrogate without its high half");
            }
        }
    }

    private static void checkLength(long chars, int maxChars, String field) {
        if (chars > maxChars) {
            throw new ProtocolException(CloseReason.STRING_TOO_LONG, field + " is " + chars + " chars, at most " + maxChars);
        }
    }

    private static String hex(int c) {
        return String.format("%04X", c);
    }

    /** The message ends before the string does: the same reason as any field cut off. */
    private static ProtocolException truncated(String field, String why) {
        return new ProtocolException(CloseReason.TRUNCATED, field + " is cut off: " + why);
    }

    private static ProtocolException bad(String field, String why) {
        return new ProtocolException(CloseReason.BAD_STRING, field + " is not a valid string: " + why);
    }
}
