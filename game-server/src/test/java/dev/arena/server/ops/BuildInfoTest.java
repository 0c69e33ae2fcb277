package dev.arena.server.ops;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What the build wrote for BuildInfo, and what a build without git shows. */
class BuildInfoTest {
    @Test
    void thisBuildKnowsItsVersionAndCommit() throws Exception {
        BuildInfo build = BuildInfo.current();
        assertThat(build.version()).matches("\\d+\\.\\d+\\.\\d+.*");
        if (Files.exists(Path.of("..", ".git"))) {
            // A checkout (CI builds a clone): the commit is HEAD's, as git itself names it.
            Process git = new ProcessBuilder("git", "rev-parse", "--short=7", "HEAD").start();
            String head = new String(git.getInputStream().readAllBytes()).strip();
            assertThat(git.waitFor()).isZero();
            assertThat(build.commit()).matches(head + "[0-9a-f]*(-dirty)?");
        }
        assertThat(build.describe("game-server"))
                .isEqualTo("arena game-server " + build.version() + " (commit " + build.commit() + ")");
    }

    @Test
    void aTreeWithUncommittedChangesIsMarkedDirty() {
        assertThat(BuildInfo.commit("1a2b3c4-dirty\n")).isEqualTo("1a2b3c4-dirty");
        assertThat(BuildInfo.commit("1a2b3c4\n")).isEqualTo("1a2b3c4");
    }

    @Test
    void whatTheBuildCouldNotFillInReadsAsUnknown() {
        // No .git: the build writes no commit file. Maven leaves a placeholder it cannot resolve as it is.
        assertThat(BuildInfo.commit(null)).isEqualTo(BuildInfo.UNKNOWN);
        assertThat(BuildInfo.commit("fatal: not a git repository")).isEqualTo(BuildInfo.UNKNOWN);
        assertThat(BuildInfo.version("version=1.2.3\n")).isEqualTo("1.2.3");
        assertThat(BuildInfo.version("version=${project.version}\n")).isEqualTo(BuildInfo.UNKNOWN);
        assertThat(BuildInfo.version(null)).isEqualTo(BuildInfo.UNKNOWN);
    }
}
