package dev.arena.server.transport;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A close frame's reason fits its 123 bytes, cut at a whole code point. */
class CloseTextTest {
    @Test
    void aShortReasonIsKeptAndALongOneCutAtAWholeCodePoint() {
        assertThat(CloseText.fit("room r1 is full")).isEqualTo("room r1 is full");
        String ascii = "a".repeat(200);
        assertThat(CloseText.fit(ascii)).hasSize(123);
        String accents = "é".repeat(100);
        assertThat(CloseText.fit(accents).getBytes(StandardCharsets.UTF_8)).hasSize(122);
        String emoji = "x" + "😀".repeat(40);
        String cut = CloseText.fit(emoji);
        assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(CloseText.MAX_BYTES);
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 1))).as("no half emoji").isFalse();
        assertThat(cut).isEqualTo("x" + "😀".repeat(30));
    }
}
