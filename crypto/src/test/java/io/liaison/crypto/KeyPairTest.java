package io.liaison.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeyPairTest {
  @Test
  void signingKeyIdIsDerivedFromThePublicKey() {
    SigningKeyPair pair = SigningKeyPair.generate();
    assertThat(pair.keyId())
        .isEqualTo("ed25519:" + Hashes.sha256Hex(pair.publicKey()).substring(0, 16));
    assertThat(SigningKeyPair.fromPrivateKey(pair.privateKey())).isEqualTo(pair);
    assertThat(pair.toString()).doesNotContain(HexFormat.of().formatHex(pair.privateKey()));
  }

  @Test
  void sealingKeyIdIsDerivedFromThePublicKey() {
    SealingKeyPair pair = SealingKeyPair.generate();
    assertThat(pair.keyId()).startsWith("x25519:").hasSize("x25519:".length() + 16);
    assertThat(SealingKeyPair.fromPrivateKey(pair.privateKey())).isEqualTo(pair);
  }

  @Test
  void mismatchedPartsAreRefused() {
    SigningKeyPair a = SigningKeyPair.generate();
    SigningKeyPair b = SigningKeyPair.generate();
    assertThatThrownBy(() -> new SigningKeyPair(a.keyId(), a.privateKey(), b.publicKey()))
        .hasMessageContaining("does not belong");
    assertThatThrownBy(() -> new SigningKeyPair(b.keyId(), a.privateKey(), a.publicKey()))
        .hasMessageContaining("key id");
  }

  @Test
  void keysAreCopiedInAndOut() {
    SigningKeyPair pair = SigningKeyPair.generate();
    byte[] leaked = pair.privateKey();
    leaked[0] ^= 1;
    assertThat(pair.privateKey()).isNotEqualTo(leaked);
  }
}
