package io.liaison.crypto;

import io.liaison.crypto.internal.Base64Url;
import io.liaison.crypto.internal.Ed25519;
import java.util.Objects;

/**
 * The roster authority: signs roster versions with its own Ed25519 key, which every node pins in
 * its configuration (the raw public key, base64url, as in {@code authority.pub}). A roster read
 * from the grid or a file is used only after {@link #verify} or {@link #verifySuccessor}.
 */
public final class RosterAuthority {
  private final SigningKeyPair authorityKey;

  public RosterAuthority(SigningKeyPair authorityKey) {
    this.authorityKey = Objects.requireNonNull(authorityKey, "authorityKey");
  }

  public SignedRoster sign(Roster roster) {
    byte[] input = SignedRoster.signingInput(roster, authorityKey.keyId());
    return new SignedRoster(
        roster, authorityKey.keyId(), Base64Url.encode(authorityKey.sign(input)));
  }

  /**
   * Checks the authority signature against the pinned authority public key.
   *
   * @return the roster, now trusted
   * @throws RosterException if it was signed by another key or the signature does not verify
   */
  public static Roster verify(SignedRoster signed, byte[] pinnedAuthorityPublicKey) {
    Objects.requireNonNull(signed, "signed");
    Objects.requireNonNull(pinnedAuthorityPublicKey, "pinnedAuthorityPublicKey");
    String pinnedKeyId = SigningKeyPair.keyIdOf(pinnedAuthorityPublicKey);
    if (!pinnedKeyId.equals(signed.authorityKeyId())) {
      throw new RosterException(
          "roster v"
              + signed.roster().version()
              + " is signed by "
              + signed.authorityKeyId()
              + ", not by the pinned authority "
              + pinnedKeyId);
    }
    byte[] signature;
    try {
      signature = Base64Url.decode(signed.signature());
    } catch (IllegalArgumentException e) {
      throw new RosterException("roster signature is not canonical base64url", e);
    }
    byte[] input;
    try {
      input = signed.signingInput();
    } catch (IllegalArgumentException e) {
      throw new RosterException("roster cannot be canonicalized: " + e.getMessage(), e);
    }
    if (!Ed25519.verify(pinnedAuthorityPublicKey, input, signature)) {
      throw new RosterException(
          "roster v" + signed.roster().version() + " signature does not verify");
    }
    return signed.roster();
  }

  /**
   * Verifies a roster that is to replace {@code current}: authority signature as in {@link
   * #verify}, and a strictly higher version (an old roster replayed from the grid is refused).
   */
  public static Roster verifySuccessor(
      Roster current, SignedRoster next, byte[] pinnedAuthorityPublicKey) {
    Roster roster = verify(next, pinnedAuthorityPublicKey);
    if (current != null && roster.version() <= current.version()) {
      throw new RosterException(
          "roster v" + roster.version() + " is not newer than v" + current.version());
    }
    return roster;
  }

  /** The authority key id (what nodes see in {@link SignedRoster#authorityKeyId()}). */
  public String keyId() {
    return authorityKey.keyId();
  }
}
