package io.liaison.crypto;

import io.liaison.api.BureauId;
import io.liaison.crypto.SealedContent.Recipient;
import io.liaison.crypto.internal.Aead;
import io.liaison.crypto.internal.Base64Url;
import io.liaison.crypto.internal.Hpke;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import org.bouncycastle.crypto.InvalidCipherTextException;

/**
 * Sealing for restricted distribution. The content is encrypted once with AES-256-GCM under a fresh
 * random 256-bit content key; the content key is wrapped for each recipient with HPKE (RFC 9180,
 * base mode, DHKEM(X25519, HKDF-SHA256) / HKDF-SHA256 / AES-256-GCM, Bouncy Castle). The HPKE
 * {@code info} names the recipient bureau; the caller's associated data (e.g. the canonical JSON of
 * the clear routing metadata: lead id, origin, recipients) is authenticated by both layers, so
 * content cannot be moved under other metadata. Thread-safe (no shared state).
 */
public final class Sealer {
  /** The suite name stored in {@link SealedContent#suite()}. */
  public static final String SUITE = "HPKE-X25519-SHA256-AES256GCM/A256GCM";

  private static final String INFO_PREFIX = "liaison-seal-v1:";

  private Sealer() {}

  /**
   * Seals for the given recipients' X25519 public keys (raw 32 bytes).
   *
   * @throws IllegalArgumentException if there is no recipient or a key is malformed
   */
  public static SealedContent seal(
      byte[] plaintext, Map<BureauId, byte[]> recipients, byte[] associatedData) {
    if (recipients.isEmpty()) {
      throw new IllegalArgumentException("sealed content needs at least one recipient");
    }
    byte[] aad = associatedData == null ? new byte[0] : associatedData;
    byte[] contentKey = Aead.randomBytes(Aead.KEY_LENGTH);
    try {
      byte[] nonce = Aead.randomBytes(Aead.NONCE_LENGTH);
      byte[] ciphertext = Aead.encrypt(contentKey, nonce, plaintext, aad);
      List<Recipient> wrapped = new ArrayList<>();
      for (Map.Entry<BureauId, byte[]> entry : new TreeMap<>(recipients).entrySet()) {
        wrapped.add(wrap(contentKey, entry.getKey(), entry.getValue(), aad));
      }
      return new SealedContent(
          SUITE, Base64Url.encode(nonce), Base64Url.encode(ciphertext), wrapped);
    } finally {
      Arrays.fill(contentKey, (byte) 0);
    }
  }

  /**
   * Seals for the given member bureaus with the sealing keys the roster lists as current at {@code
   * at}.
   *
   * @throws IllegalArgumentException if a recipient is not a member or has no valid sealing key
   */
  public static SealedContent seal(
      byte[] plaintext,
      Roster roster,
      Collection<BureauId> recipients,
      byte[] associatedData,
      Instant at) {
    Map<BureauId, byte[]> keys = new TreeMap<>();
    for (BureauId bureau : recipients) {
      Member member =
          roster
              .member(bureau)
              .orElseThrow(() -> new IllegalArgumentException(bureau + " is not a member"));
      MemberKey key =
          member
              .currentKey(KeyUse.SEALING, at)
              .orElseThrow(() -> new IllegalArgumentException(bureau + " has no sealing key"));
      keys.put(bureau, key.publicKeyBytes());
    }
    return seal(plaintext, keys, associatedData);
  }

  /**
   * Opens content sealed for {@code me}.
   *
   * @throws NotARecipientException if {@code me} is not a recipient or was sealed for another of
   *     its keys
   * @throws SealTamperedException if anything authenticated was altered (or the associated data
   *     differs)
   */
  public static byte[] open(SealedContent sealed, BureauKeys me, byte[] associatedData) {
    Recipient recipient =
        sealed
            .recipient(me.bureau())
            .orElseThrow(() -> new NotARecipientException(me.bureau() + " is not a recipient"));
    if (!recipient.keyId().equals(me.sealing().keyId())) {
      throw new NotARecipientException(
          "sealed for "
              + me.bureau()
              + " key "
              + recipient.keyId()
              + ", not for key "
              + me.sealing().keyId());
    }
    byte[] aad = associatedData == null ? new byte[0] : associatedData;
    byte[] privateKey = me.sealing().privateKey();
    byte[] contentKey = null;
    try {
      contentKey =
          Hpke.unwrap(
              recipient.enc(),
              recipient.wrappedKey(),
              privateKey,
              me.sealing().publicKey(),
              info(me.bureau()),
              aad);
      if (contentKey.length != Aead.KEY_LENGTH) {
        throw new SealTamperedException("wrapped content key has the wrong length");
      }
      return Aead.decrypt(
          contentKey, Base64Url.decode(sealed.nonce()), Base64Url.decode(sealed.ciphertext()), aad);
    } catch (InvalidCipherTextException
        | AEADBadTagException
        | IllegalStateException
        | IllegalArgumentException e) {
      // IllegalState/IllegalArgument: e.g. an altered enc that is a low-order X25519 point
      throw new SealTamperedException(
          "sealed content for "
              + me.bureau()
              + " does not authenticate (altered, or other associated data)");
    } finally {
      Arrays.fill(privateKey, (byte) 0);
      if (contentKey != null) {
        Arrays.fill(contentKey, (byte) 0);
      }
    }
  }

  private static Recipient wrap(byte[] contentKey, BureauId bureau, byte[] publicKey, byte[] aad) {
    if (publicKey == null || publicKey.length != SealingKeyPair.KEY_LENGTH) {
      throw new IllegalArgumentException("sealing key of " + bureau + " must be 32 bytes");
    }
    Hpke.Wrapped w = Hpke.wrap(contentKey, publicKey, info(bureau), aad);
    return new Recipient(bureau, SealingKeyPair.keyIdOf(publicKey), w.enc(), w.wrappedKey());
  }

  private static byte[] info(BureauId bureau) {
    return (INFO_PREFIX + bureau.code()).getBytes(StandardCharsets.UTF_8);
  }
}
