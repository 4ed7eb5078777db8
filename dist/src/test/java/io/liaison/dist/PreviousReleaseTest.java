package io.liaison.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * UpgradeIT's previous release is found by its git tag; a clone without it fails saying what to do
 * (never a skip, never a build of something else).
 */
class PreviousReleaseTest {
  private static final Path REPO = Path.of("..");

  @Test
  void aTagMissingFromTheCloneFailsSayingHowToGetIt() {
    assertThatThrownBy(() -> PreviousRelease.commitOf(REPO, "v0.0.0-never-tagged"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the previous release v0.0.0-never-tagged is not in the git history")
        .hasMessageContaining("git fetch --tags --unshallow")
        .hasMessageContaining("does not run without it");
  }

  @Test
  void aCommitOfTheHistoryIsFound() throws Exception {
    assertThat(PreviousRelease.commitOf(REPO, "HEAD")).matches("[0-9a-f]{40}");
  }
}
