package dev.arena.server;

import dev.arena.server.CommandLine.Action;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's arguments; {@code ServerJarIT} checks what the real jar prints and its exit status. */
class CommandLineTest {
    @Test
    void noArgumentRunsOnTheDefaultsAndOneArgumentIsTheConfigurationFile() {
        assertThat(CommandLine.parse()).isEqualTo(new CommandLine(Action.RUN, null, null));
        assertThat(CommandLine.parse("my.yaml")).isEqualTo(new CommandLine(Action.RUN, "my.yaml", null));
    }

    @Test
    void helpAndVersionAreActionsOfTheirOwn() {
        assertThat(CommandLine.parse("--help").action()).isEqualTo(Action.HELP);
        assertThat(CommandLine.parse("-h").action()).isEqualTo(Action.HELP);
        assertThat(CommandLine.parse("--version").action()).isEqualTo(Action.VERSION);
    }

    @Test
    void anythingElseIsABadCommandLineThatSaysWhatIsWrong() {
        assertThat(CommandLine.parse("--verbose").error()).startsWith("unknown option --verbose");
        assertThat(CommandLine.parse("-Darena.room.tickHz=30").error())
                .as("a -D after -jar is an argument, not a property").contains("before -jar");
        assertThat(CommandLine.parse("a.yaml", "b.yaml").error()).isEqualTo("expected at most one argument, got 2");
        assertThat(CommandLine.parse("--version", "x.yaml").action()).isEqualTo(Action.BAD);
    }

    @Test
    void theUsageNamesEveryOptionAndWhereTheKeysAre() {
        assertThat(CommandLine.USAGE).contains("--version", "--help", "-Darena.", "ARENA_", "config/README.md");
    }
}
