package dev.arena.server.game.connect4;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code shown in docs/GAMES.md's Connect Four section is the code that
 * runs: every Java block (in runs split at a line of "...") appears line for
 * line, indentation aside, in the game's sources. Edit both together.
 */
class ConnectFourDocsTest {
    private static final Path SOURCES = Path.of("src", "main", "java", "dev", "arena", "server", "game", "connect4");

    @Test
    void theJavaInItsSectionOfGamesMdIsTheGamesOwnCode() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "GAMES.md"));
        int start = doc.indexOf("## A board game: Connect Four");
        assertThat(start).as("docs/GAMES.md has the section").isNotNegative();
        int end = doc.indexOf("\n## ", start + 1);
        String section = end < 0 ? doc.substring(start) : doc.substring(start, end);
        String sources;
        try (Stream<Path> files = Files.list(SOURCES)) {
            sources = files.sorted().map(ConnectFourDocsTest::read).map(ConnectFourDocsTest::normalized)
                    .collect(Collectors.joining("\n"));
        }
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(section);
        int blocks = 0;
        while (block.find()) {
            blocks++;
            for (String run : block.group(1).split("\\n\\s*\\.\\.\\.\\s*\\n")) {
                assertThat(sources).as("GAMES.md shows code the game does not have").contains(normalized(run));
            }
        }
        assertThat(blocks).isEqualTo(3);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Lines trimmed, blank lines dropped. */
    private static String normalized(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }
}
