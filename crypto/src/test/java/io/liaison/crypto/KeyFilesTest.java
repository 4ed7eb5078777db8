package io.liaison.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.crypto.internal.SecureFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {
  private static final char[] PASSPHRASE = "correct horse battery staple 兴和".toCharArray();

  @TempDir Path dir;

  @Test
  void bureauKeysRoundTripEncryptedAndOwnerOnly() throws Exception {
    BureauKeys keys = BureauKeys.generate(DemoTrust.XINGHE);
    Path file = dir.resolve("150924.key");
    KeyFiles.write(file, keys, PASSPHRASE, KeyFiles.Kdf.FAST);

    assertThat(KeyFiles.read(file, PASSPHRASE)).isEqualTo(keys);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text)
        .contains("\"scrypt\"", keys.signing().keyId(), "150924")
        .doesNotContain(HexFormat.of().formatHex(keys.signing().privateKey()))
        .doesNotContain(io.liaison.crypto.internal.Base64Url.encode(keys.signing().privateKey()));
    if (SecureFiles.posix(dir)) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void wrongPassphraseIsAClearErrorWithoutKeyMaterial() {
    BureauKeys keys = BureauKeys.generate(DemoTrust.TIANZHEN);
    Path file = dir.resolve("140222.key");
    KeyFiles.write(file, keys, PASSPHRASE, KeyFiles.Kdf.FAST);

    assertThatThrownBy(() -> KeyFiles.read(file, "wrong".toCharArray()))
        .isInstanceOf(WrongPassphraseException.class)
        .hasMessageContaining("wrong passphrase")
        .hasMessageContaining(file.toString())
        .hasMessageNotContaining(HexFormat.of().formatHex(keys.signing().privateKey()));
  }

  @Test
  void alteredHeaderIsDetected() throws Exception {
    BureauKeys keys = BureauKeys.generate(DemoTrust.TIANZHEN);
    Path file = dir.resolve("140222.key");
    KeyFiles.write(file, keys, PASSPHRASE, KeyFiles.Kdf.FAST);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Files.writeString(file, text.replace("140222", "140221"), StandardCharsets.UTF_8);
    assertThatThrownBy(() -> KeyFiles.read(file, PASSPHRASE))
        .isInstanceOf(WrongPassphraseException.class);
  }

  @Test
  void authorityKeyRoundTripAndKindsAreNotMixedUp() {
    SigningKeyPair authority = SigningKeyPair.generate();
    Path file = dir.resolve("authority.key");
    KeyFiles.writeAuthority(file, authority, PASSPHRASE, KeyFiles.Kdf.FAST);
    assertThat(KeyFiles.readAuthority(file, PASSPHRASE)).isEqualTo(authority);
    assertThatThrownBy(() -> KeyFiles.read(file, PASSPHRASE))
        .isInstanceOf(KeyFileException.class)
        .hasMessageContaining("authority keys, not bureau");

    Path pub = dir.resolve("authority.pub");
    KeyFiles.writePublicKey(pub, authority.publicKey());
    assertThat(KeyFiles.readPublicKey(pub)).isEqualTo(authority.publicKey());
  }

  @Test
  void defaultCostIsStrong() {
    assertThat(KeyFiles.Kdf.DEFAULT.n()).isGreaterThanOrEqualTo(1 << 17);
    assertThatThrownBy(() -> new KeyFiles.Kdf(1 << 10, 8, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void notAKeyFile() throws Exception {
    Path file = dir.resolve("x.key");
    Files.writeString(file, "{\"format\":\"other\"}");
    assertThatThrownBy(() -> KeyFiles.read(file, PASSPHRASE))
        .isInstanceOf(KeyFileException.class)
        .hasMessageContaining("is not a liaison-keyfile-v1");
  }
}
