package dev.arena.server.transport;

import java.nio.charset.StandardCharsets;

/**
 * A close frame's reason text: its payload is at most 125 bytes, two of them
 * the code (RFC 6455, 5.5), so the reason is at most 123 bytes of UTF-8.
 * Longer messages (an operator's kick reason, or any message with non-ASCII
 * chars) are cut at a whole code point, never inside a UTF-8 sequence or a
 * surrogate pair; the full text travels in the ERROR before the close.
 */
final class CloseText {
    static final int MAX_BYTES = 123;

    private CloseText() {
    }

    static String fit(String message) {
        if (message.length() * 3 <= MAX_BYTES || message.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return message;
        }
        int bytes = 0;
        int end = 0;
        while (end < message.length()) {
            int codePoint = message.codePointAt(end);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + size > MAX_BYTES) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return message.substring(0, end);
    }
}
