package dev.arena.server.game;

import dev.arena.server.protocol.CloseReason;
import dev.arena.server.protocol.PayloadReader;
import dev.arena.server.protocol.PayloadWriter;
import dev.arena.server.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a game declares is checked when it is declared, so a mistake shows in
 * the game's first test rather than on a live server; and the payload
 * helpers read back what they wrote and refuse what a hostile client sends.
 */
class GameDefinitionTest {
    @Test
    void aDefinitionCarriesItsSettingsMessageNamesAndRoomShape() {
        GameDefinition d = GameDefinition.builder("tag2").description("Two teams.").capacity(10).tickHz(20)
                .setting(Setting.integer("roundSeconds", 120, 10, 3600, "round length"))
                .messageType(1, "tagged").create(context -> null);
        assertThat(d.name()).isEqualTo("tag2");
        assertThat(d.settings()).extracting(Setting::key).containsExactly("capacity", "tickHz", "roundSeconds");
        assertThat(d.messageTypes().name(1)).isEqualTo("tagged");
        assertThat(d.messageTypes().name(2)).isEqualTo(MessageTypes.OTHER);
        assertThatThrownBy(() -> d.create(null)).hasMessageContaining("tag2's factory returned null");
    }

    @Test
    void badDeclarationsAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> GameDefinition.builder("Tag")).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> GameDefinition.builder("tag.x")).hasMessageContaining("configuration section");
        assertThatThrownBy(() -> GameDefinition.builder("t").setting(Setting.integer("a", 1, 0, 9, ""),
                Setting.number("a", 1, 0, 9, ""))).hasMessageContaining("declares the setting a twice");
        assertThatThrownBy(() -> Setting.integer("x", 10, 0, 9, "")).hasMessageContaining("default 10 is not allowed (0 to 9)");
        assertThatThrownBy(() -> Setting.choice("mode", "duo", List.of("solo", "teams"), ""))
                .hasMessageContaining("one of [solo, teams]");
        assertThatThrownBy(() -> Setting.integer("has.dot", 1, 0, 9, "")).hasMessageContaining("setting key");
        assertThatThrownBy(() -> GameDefinition.builder("t").messageType(1, "a").messageType(1, "b"))
                .hasMessageContaining("type 1 twice");
        assertThatThrownBy(() -> GameDefinition.builder("t").messageType(1, "other").create(c -> null))
                .hasMessageContaining("not \"other\"");
        assertThatThrownBy(() -> GameDefinition.builder("t").messageType(1, "a").messageType(2, "a").create(c -> null))
                .hasMessageContaining("share a name");
        assertThatThrownBy(() -> GameDefinition.builder("t").messageType(70_000, "a").create(c -> null))
                .hasMessageContaining("out of range");
    }

    @Test
    void settingValuesAnswerOnlyForDeclaredKeysOfTheirKind() {
        SettingValues v = new SettingValues("tag", Map.of("rounds", 3, "speed", 1.5, "mode", "teams"));
        assertThat(v.integer("rounds")).isEqualTo(3);
        assertThat(v.number("speed")).isEqualTo(1.5);
        assertThat(v.choice("mode")).isEqualTo("teams");
        assertThatThrownBy(() -> v.integer("speed")).hasMessageContaining("tag declares no integer setting speed");
        assertThatThrownBy(() -> v.number("missing")).hasMessageContaining("no double setting missing");
    }

    @Test
    void payloadsReadBackWhatWasWrittenAndRefuseWhatIsMalformed() {
        byte[] bytes = new PayloadWriter().varint(300).zigzag(-3).f32(1.5f).bool(true).string("é😀").string(null)
                .toBytes();
        PayloadReader in = new PayloadReader(bytes);
        assertThat(in.varint()).isEqualTo(300);
        assertThat(in.zigzag()).isEqualTo(-3);
        assertThat(in.finiteF32()).isEqualTo(1.5f);
        assertThat(in.bool()).isTrue();
        assertThat(in.string(3, "s")).isEqualTo("é😀");
        assertThat(in.string(3, "s")).isNull();
        in.end();

        assertRefused(() -> new PayloadReader(new byte[] {(byte) 0x80}).varint(), CloseReason.TRUNCATED);
        assertRefused(() -> new PayloadReader(new byte[] {0, 0}).f32(), CloseReason.TRUNCATED);
        assertRefused(() -> new PayloadReader(new byte[] {2}).bool(), CloseReason.BAD_VALUE);
        assertRefused(() -> new PayloadReader(new byte[0]).bool(), CloseReason.TRUNCATED);
        assertRefused(() -> new PayloadReader(new PayloadWriter().f32(Float.NaN).toBytes()).finiteF32(),
                CloseReason.BAD_VALUE);
        assertRefused(() -> new PayloadReader(new PayloadWriter().string("abcd").toBytes()).string(3, "s"),
                CloseReason.STRING_TOO_LONG);
        assertRefused(() -> new PayloadReader(new byte[] {1}).end(), CloseReason.TRAILING_BYTES);
    }

    private static void assertRefused(Runnable read, CloseReason reason) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(ProtocolException.class,
                e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason));
    }
}
