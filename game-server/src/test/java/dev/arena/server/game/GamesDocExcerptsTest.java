package dev.arena.server.game;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * docs/GAMES.md quotes the tag game's code: each code block after an
 * {@code <!-- excerpt: path -->} line must be made of lines of that file, in
 * the file's order ({@code ...} leaves lines out; indentation is not
 * compared). A change to the code that the tutorial quotes fails here until
 * the page says the same.
 */
class GamesDocExcerptsTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern EXCERPT = Pattern.compile("<!-- excerpt: (\\S+) -->\\n```\\w*\\n(.*?)\\n```", Pattern.DOTALL);

    @Test
    void everyExcerptIsInItsFileInOrder() throws Exception {
        String page = Files.readString(ROOT.resolve("docs/GAMES.md"));
        Matcher m = EXCERPT.matcher(page);
        int excerpts = 0;
        while (m.find()) {
            excerpts++;
            String path = m.group(1);
            List<String> source = trimmed(Files.readAllLines(ROOT.resolve(path)));
            int at = -1;
            for (String line : trimmed(m.group(2).lines().toList())) {
                if (line.equals("...")) {
                    continue;
                }
                int found = indexAfter(source, line, at);
                if (found < 0) {
                    fail("docs/GAMES.md quotes %s with the line%n  %s%nwhich is not in the file (after the line before it):"
                            + " update the excerpt to the code", path, line);
                }
                at = found;
            }
        }
        assertThat(excerpts).as("excerpts marked in docs/GAMES.md").isGreaterThanOrEqualTo(12);
    }

    private static int indexAfter(List<String> lines, String line, int after) {
        for (int i = after + 1; i < lines.size(); i++) {
            if (lines.get(i).equals(line)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> trimmed(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        return out;
    }
}
