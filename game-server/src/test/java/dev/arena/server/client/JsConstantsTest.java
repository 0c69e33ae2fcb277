package dev.arena.server.client;

import dev.arena.server.protocol.CloseCodes;
import dev.arena.server.protocol.MessageTags;
import dev.arena.server.protocol.ProtocolVersion;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser client's wire constants ({@code game-client-js/sdk/protocol/constants.js})
 * are the server's: same names, same numbers, none missing on either side, and
 * the same protocol version.
 */
class JsConstantsTest {
    private static final Path CONSTANTS = Path.of("..", "game-client-js", "sdk", "protocol", "constants.js");

    @Test
    void messageTagsMatchTheJavaOnes() throws Exception {
        assertThat(jsObject("MessageTag")).as("MessageTag in " + CONSTANTS + " vs MessageTags.java")
                .isEqualTo(javaConstants(MessageTags.class));
    }

    @Test
    void closeCodesMatchTheJavaOnes() throws Exception {
        assertThat(jsObject("CloseCode")).as("CloseCode in " + CONSTANTS + " vs CloseCodes.java")
                .isEqualTo(javaConstants(CloseCodes.class));
    }

    @Test
    void theProtocolVersionIsTheJavaOne() throws Exception {
        Matcher version = Pattern.compile("export const PROTOCOL_VERSION = (\\d+);").matcher(Files.readString(CONSTANTS));
        assertThat(version.find()).as("%s declares `export const PROTOCOL_VERSION = N;`", CONSTANTS).isTrue();
        assertThat(Integer.parseInt(version.group(1))).as("PROTOCOL_VERSION in " + CONSTANTS + " vs ProtocolVersion.java")
                .isEqualTo(ProtocolVersion.CURRENT);
    }

    private static Map<String, Integer> jsObject(String name) throws Exception {
        String source = Files.readString(CONSTANTS);
        Matcher block = Pattern.compile("export const " + name + "\\s*=\\s*Object\\.freeze\\(\\{(.*?)\\}\\)", Pattern.DOTALL)
                .matcher(source);
        assertThat(block.find()).as("%s declares `export const %s = Object.freeze({...})`", CONSTANTS, name).isTrue();
        Map<String, Integer> out = new TreeMap<>();
        Matcher pair = Pattern.compile("([A-Z_][A-Z0-9_]*)\\s*:\\s*(\\d+)").matcher(block.group(1));
        while (pair.find()) {
            out.put(pair.group(1), Integer.parseInt(pair.group(2)));
        }
        return out;
    }

    private static Map<String, Integer> javaConstants(Class<?> type) throws IllegalAccessException {
        Map<String, Integer> out = new TreeMap<>();
        for (Field f : type.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                out.put(f.getName(), f.getInt(null));
            }
        }
        assertThat(out).isNotEmpty();
        return out;
    }
}
