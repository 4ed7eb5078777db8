package io.liaison.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TLS private key a local CA issues is readable by its owner only, and nothing is left over.
 */
class LocalCaTest {
  @Test
  void theIssuedPrivateKeyIsOwnerOnlyAndReplacesAWorldReadableFile(@TempDir Path dir)
      throws Exception {
    LocalCa ca = LocalCa.create("测试 CA", Duration.ofDays(1));
    Path key = dir.resolve("node.key.pem");
    // a key file left world-readable by an earlier tool is replaced, not written through
    Files.writeString(key, "old");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    Path[] pair = ca.issue(dir, "node", List.of("127.0.0.1"), Duration.ofDays(1));
    assertThat(pair[1]).isEqualTo(key);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(key)).startsWith("-----BEGIN").contains("PRIVATE KEY-----");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("node.key.pem", "node.crt.pem");
    }
  }
}
