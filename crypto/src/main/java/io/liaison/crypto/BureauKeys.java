package io.liaison.crypto;

import io.liaison.api.BureauId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A bureau's own private keys: one Ed25519 signing pair and one X25519 sealing pair. */
public record BureauKeys(BureauId bureau, SigningKeyPair signing, SealingKeyPair sealing) {
  public BureauKeys {
    Objects.requireNonNull(bureau, "bureau");
    Objects.requireNonNull(signing, "signing");
    Objects.requireNonNull(sealing, "sealing");
  }

  /** Fresh signing and sealing pairs for a bureau. */
  public static BureauKeys generate(BureauId bureau) {
    return new BureauKeys(bureau, SigningKeyPair.generate(), SealingKeyPair.generate());
  }

  /** The roster entries for these keys, valid from {@code validFrom}. */
  public List<MemberKey> memberKeys(Instant validFrom) {
    return List.of(MemberKey.signing(signing, validFrom), MemberKey.sealing(sealing, validFrom));
  }
}
