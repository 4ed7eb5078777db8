package io.liaison.node.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.node.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScrapeCredentialTest {
  @TempDir Path dir;

  @Test
  void matchesOnlyTheSecretInTheFile() throws Exception {
    Path f = Files.writeString(dir.resolve("t"), "  0123456789abcdef0123456789abcdef01\n");
    ScrapeCredential c = ScrapeCredential.load(f).orElseThrow();
    assertThat(c.matches("0123456789abcdef0123456789abcdef01")).isTrue();
    assertThat(c.matches("0123456789abcdef0123456789abcdef0")).isFalse();
    assertThat(c.matches("")).isFalse();
  }

  @Test
  void noFileNoCredential() {
    assertThat(ScrapeCredential.load(null)).isEmpty();
  }

  @Test
  void shortMissingOrSpacedSecretsStopTheStartNamingTheSetting() throws Exception {
    Path shortSecret = Files.writeString(dir.resolve("short"), "too-short");
    Path spaced = Files.writeString(dir.resolve("spaced"), "0123456789abcdef 0123456789abcdef01");
    for (Path p : new Path[] {shortSecret, spaced, dir.resolve("missing")}) {
      assertThatThrownBy(() -> ScrapeCredential.load(p))
          .isInstanceOf(ConfigException.class)
          .satisfies(
              e ->
                  assertThat(((ConfigException) e).setting())
                      .isEqualTo("security.metricsTokenFile"));
    }
  }
}
