package io.liaison.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OfficerSealerTest {
  static final KeyFiles.Kdf FAST = KeyFiles.Kdf.FAST;
  static final byte[] AAD = "lead-1".getBytes(StandardCharsets.UTF_8);

  @Test
  void eachChosenOfficerOpensAndNobodyElse() throws Exception {
    SealingKeyPair a = SealingKeyPair.generate();
    SealingKeyPair b = SealingKeyPair.generate();
    SealingKeyPair c = SealingKeyPair.generate();
    byte[] secret = "举报人 司马青岚 13912345678".getBytes(StandardCharsets.UTF_8);
    OfficerSealed sealed =
        OfficerSealer.seal(
            secret, Map.of("150924-001", a.publicKey(), "150924-002", b.publicKey()), AAD);
    String json = Json.mapper().writeValueAsString(sealed);
    assertThat(json).doesNotContain("司马青岚").doesNotContain("13912345678");
    OfficerSealed back = Json.mapper().readValue(json, OfficerSealed.class);
    assertThat(OfficerSealer.open(back, "150924-001", a, AAD)).isEqualTo(secret);
    assertThat(OfficerSealer.open(back, "150924-002", b, AAD)).isEqualTo(secret);
    // another officer, or a chosen officer's id with another key, cannot
    assertThatThrownBy(() -> OfficerSealer.open(back, "150924-003", c, AAD))
        .isInstanceOf(NotARecipientException.class);
    assertThatThrownBy(() -> OfficerSealer.open(back, "150924-001", c, AAD))
        .isInstanceOf(NotARecipientException.class);
    // a copy wrapped for one officer does not open under another officer's name
    OfficerSealed swapped =
        new OfficerSealed(
            back.suite(),
            back.nonce(),
            back.ciphertext(),
            List.of(
                new OfficerSealed.Opener(
                    "150924-002",
                    a.keyId(),
                    back.openers().get(0).enc(),
                    back.openers().get(0).wrappedKey())));
    assertThatThrownBy(() -> OfficerSealer.open(swapped, "150924-002", a, AAD))
        .isInstanceOf(SealTamperedException.class);
    // other associated data (moved under another lead) fails
    assertThatThrownBy(
            () ->
                OfficerSealer.open(
                    back, "150924-001", a, "lead-2".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SealTamperedException.class);
  }

  @Test
  void aWrappedKeyOpensOnlyWithItsPassphrase() {
    SealingKeyPair a = SealingKeyPair.generate();
    String wrapped = OfficerSealer.wrapKey(a, "口令-一二三四五六".toCharArray(), FAST);
    assertThat(wrapped).contains(a.keyId());
    assertThat(OfficerSealer.unwrapKey(wrapped, "口令-一二三四五六".toCharArray())).isEqualTo(a);
    assertThatThrownBy(() -> OfficerSealer.unwrapKey(wrapped, "wrong-passphrase".toCharArray()))
        .isInstanceOf(WrongPassphraseException.class);
    // the stated public key is authenticated: a swapped one fails
    String other =
        wrapped.replace(
            io.liaison.crypto.internal.Base64Url.encode(a.publicKey()),
            io.liaison.crypto.internal.Base64Url.encode(SealingKeyPair.generate().publicKey()));
    assertThatThrownBy(() -> OfficerSealer.unwrapKey(other, "口令-一二三四五六".toCharArray()))
        .isInstanceOf(WrongPassphraseException.class);
  }

  /**
   * Review-3 F6/F19: the scrypt parameters of a wrapped key are bounded before any work (as a key
   * file's: N a power of two in [2^14, 2^18]) — N=2^30 would take gigabytes and minutes, N=0 threw
   * a bare exception — and a document that is not an object is refused, not a ClassCastException.
   */
  @Test
  void aWrappedKeysParametersAreBoundedBeforeAnyWork() throws Exception {
    SealingKeyPair a = SealingKeyPair.generate();
    String wrapped = OfficerSealer.wrapKey(a, "口令-一二三四五六".toCharArray(), FAST);
    for (String n : new String[] {"1073741824", "0", "1024", "16383"}) {
      String bad = wrapped.replace("\"n\":16384", "\"n\":" + n);
      assertThat(bad).isNotEqualTo(wrapped);
      assertThatThrownBy(() -> OfficerSealer.unwrapKey(bad, "口令-一二三四五六".toCharArray()))
          .as(n)
          .isInstanceOf(IllegalArgumentException.class);
    }
    String md5 = wrapped.replace("\"name\":\"scrypt\"", "\"name\":\"md5\"");
    assertThatThrownBy(() -> OfficerSealer.unwrapKey(md5, "口令-一二三四五六".toCharArray()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OfficerSealer.unwrapKey("[1,2]", "x".toCharArray()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
