package io.liaison.crypto;

import io.liaison.crypto.internal.Base64Url;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Content sealed by {@link OfficerSealer} for named officers: AES-256-GCM ciphertext and, per
 * officer, the content key wrapped with HPKE to that officer's X25519 key. The opener list (officer
 * ids and key ids) is readable by anyone; the content is not. Binary fields are base64url.
 */
public record OfficerSealed(String suite, String nonce, String ciphertext, List<Opener> openers) {

  /** One officer's wrapped content key. */
  public record Opener(String officer, String keyId, String enc, String wrappedKey) {
    public Opener {
      Objects.requireNonNull(officer, "officer");
      Objects.requireNonNull(keyId, "keyId");
      Base64Url.decode(enc, 32, "enc");
      Base64Url.decode(wrappedKey);
    }
  }

  public OfficerSealed {
    if (!Sealer.SUITE.equals(suite)) {
      throw new IllegalArgumentException("unknown sealing suite " + suite);
    }
    Base64Url.decode(nonce, 12, "nonce");
    Base64Url.decode(ciphertext);
    openers = List.copyOf(openers);
    if (openers.isEmpty()) {
      throw new IllegalArgumentException("sealed content needs at least one opener");
    }
    Set<String> seen = new HashSet<>();
    for (Opener o : openers) {
      if (!seen.add(o.officer())) {
        throw new IllegalArgumentException("opener " + o.officer() + " listed twice");
      }
    }
  }

  /** The entry of an officer, if they may open it. */
  public Optional<Opener> opener(String officer) {
    return openers.stream().filter(o -> o.officer().equals(officer)).findFirst();
  }
}
