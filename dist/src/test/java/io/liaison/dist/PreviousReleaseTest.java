package io.liaison.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * UpgradeIT's previous release is found by its git tag, or by the commit dist/pom.xml pins where
 * the clone has the history but not the tag; neither fails saying what to do (never a skip, never a
 * build of something else).
 */
class PreviousReleaseTest {
  private static final Path REPO = Path.of("..");

  @Test
  void aTagMissingFromTheCloneFailsSayingHowToGetIt() {
    assertThatThrownBy(() -> PreviousRelease.commitOf(REPO, "v0.0.0-never-tagged", null))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the previous release v0.0.0-never-tagged is not in the git history")
        .hasMessageContaining("git fetch --tags --unshallow")
        .hasMessageContaining("does not run without it");
  }

  @Test
  void aCommitOfTheHistoryIsFound() throws Exception {
    assertThat(PreviousRelease.commitOf(REPO, "HEAD", null)).matches("[0-9a-f]{40}");
  }

  @Test
  void aCloneWithoutTheTagFindsThePinnedCommit(@TempDir Path tmp) throws Exception {
    String head = PreviousRelease.commitOf(REPO, "HEAD", null);
    String first =
        git(REPO, "rev-list", "--max-parents=0", "HEAD").lines().findFirst().orElseThrow();
    // a clone of one branch with no tags at all, as a CI checkout may be
    Path clone = tmp.resolve("clone");
    git(
        tmp,
        "clone",
        "-q",
        "--no-tags",
        "--no-checkout",
        REPO.toAbsolutePath().toString(),
        "clone");
    assertThat(git(clone, "tag", "--list")).isBlank();
    assertThat(PreviousRelease.commitOf(clone, "v0.0.0-never-tagged", first)).isEqualTo(first);
    // a tag naming another commit than the pin is refused
    assertThatThrownBy(() -> PreviousRelease.commitOf(clone, "HEAD", first))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the tag was moved, or the pin is stale");
    assertThat(head).isNotEqualTo(first);
  }

  private static String git(Path dir, String... args) throws Exception {
    String[] cmd = new String[args.length + 1];
    cmd[0] = "git";
    System.arraycopy(args, 0, cmd, 1, args.length);
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("git %s: %s", String.join(" ", args), out).isZero();
    return out;
  }
}
