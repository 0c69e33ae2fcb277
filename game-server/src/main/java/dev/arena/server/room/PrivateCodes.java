package dev.arena.server.room;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Codes of private rooms: {@value #LENGTH} characters from an alphabet
 * without look-alikes (no I, L, O, 0, 1), so a code read aloud or typed from
 * a phone works. Random from a {@link SecureRandom}: 31^6 (about 890 million)
 * codes against a few hundred live rooms, so guessing one is hopeless at the
 * message-rate limit.
 */
final class PrivateCodes {
    static final int LENGTH = 6;
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private final SecureRandom random = new SecureRandom();

    /** A fresh code that {@code taken} does not hold. */
    String next(Predicate<String> taken) {
        while (true) {
            char[] code = new char[LENGTH];
            for (int i = 0; i < LENGTH; i++) {
                code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            }
            String s = new String(code);
            if (!taken.test(s)) {
                return s;
            }
        }
    }

    /** A code as a player typed it: trimmed, upper case; null or blank is none. */
    static String normalize(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        return typed.strip().toUpperCase(Locale.ROOT);
    }
}
