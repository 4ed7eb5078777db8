package io.liaison.crypto;

import io.liaison.api.BureauId;
import io.liaison.crypto.internal.Base64Url;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Content sealed for named recipient bureaus by {@link Sealer}. All binary fields are base64url (no
 * padding). The recipient list (bureau ids and key ids) is routing metadata and readable by anyone;
 * the content is not.
 *
 * <ul>
 *   <li>{@code suite}: {@link Sealer#SUITE};
 *   <li>{@code nonce}, {@code ciphertext}: AES-256-GCM of the content under a random content key;
 *   <li>{@code recipients}: per bureau, the content key wrapped with HPKE (RFC 9180, base mode,
 *       DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM) to its X25519 sealing key: {@code
 *       enc} is the HPKE encapsulated key, {@code wrappedKey} the HPKE ciphertext.
 * </ul>
 *
 * <p>Put sealed content inside a signed envelope's payload: sealing gives confidentiality and
 * integrity against outsiders, the envelope signature says who sealed it.
 */
public record SealedContent(
    String suite, String nonce, String ciphertext, List<Recipient> recipients) {

  /** One recipient's wrapped content key. */
  public record Recipient(BureauId bureau, String keyId, String enc, String wrappedKey) {
    public Recipient {
      Objects.requireNonNull(bureau, "bureau");
      Objects.requireNonNull(keyId, "keyId");
      Base64Url.decode(enc, 32, "enc");
      Base64Url.decode(wrappedKey);
    }
  }

  public SealedContent {
    if (!Sealer.SUITE.equals(suite)) {
      throw new IllegalArgumentException("unknown sealing suite " + suite);
    }
    Base64Url.decode(nonce, 12, "nonce");
    Base64Url.decode(ciphertext);
    recipients = List.copyOf(recipients);
    if (recipients.isEmpty()) {
      throw new IllegalArgumentException("sealed content needs at least one recipient");
    }
    Set<BureauId> seen = new HashSet<>();
    for (Recipient recipient : recipients) {
      if (!seen.add(recipient.bureau())) {
        throw new IllegalArgumentException("recipient " + recipient.bureau() + " listed twice");
      }
    }
  }

  /** The entry for a bureau, if it is a recipient. */
  public Optional<Recipient> recipient(BureauId bureau) {
    return recipients.stream().filter(r -> r.bureau().equals(bureau)).findFirst();
  }

  /** True when {@code bureau} is a named recipient (it may still hold a different key). */
  public boolean isRecipient(BureauId bureau) {
    return recipient(bureau).isPresent();
  }
}
