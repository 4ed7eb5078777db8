package io.liaison.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.Json;
import io.liaison.crypto.OfficerSealed.Opener;
import io.liaison.crypto.internal.Aead;
import io.liaison.crypto.internal.Base64Url;
import io.liaison.crypto.internal.Hpke;
import io.liaison.crypto.internal.PassphraseBox;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import org.bouncycastle.crypto.InvalidCipherTextException;

/**
 * Sealing for named officers (an informant's identity): the same construction as {@link Sealer}
 * (AES-256-GCM content under a random key, the key wrapped with HPKE base mode, DHKEM(X25519,
 * HKDF-SHA256) / HKDF-SHA256 / AES-256-GCM for each recipient) but the recipients are officers,
 * each with their own X25519 key, and the HPKE {@code info} names the officer. An officer's private
 * key is kept wrapped under a passphrase only that officer knows ({@link #wrapKey}, scrypt +
 * AES-256-GCM) so that the store that holds it cannot open anything without the officer.
 * Thread-safe.
 */
public final class OfficerSealer {
  private static final String INFO_PREFIX = "liaison-officer-seal-v1:";
  private static final String WRAP_FORMAT = "liaison-officer-key-v1";

  /**
   * scrypt cost of a wrapped officer key (32 MiB, asked at every opening: cheaper than a key
   * file's, within {@link KeyFiles.Kdf}'s bounds, which every wrapped key read back must keep).
   */
  public static final KeyFiles.Kdf KDF = new KeyFiles.Kdf(1 << 15, 8, 1);

  private OfficerSealer() {}

  /**
   * Seals {@code plaintext} for each officer of {@code openers} (officer id → raw X25519 public
   * key).
   *
   * @throws IllegalArgumentException if there is no opener or a key is malformed
   */
  public static OfficerSealed seal(
      byte[] plaintext, Map<String, byte[]> openers, byte[] associatedData) {
    if (openers.isEmpty()) {
      throw new IllegalArgumentException("sealed content needs at least one opener");
    }
    byte[] aad = associatedData == null ? new byte[0] : associatedData;
    byte[] contentKey = Aead.randomBytes(Aead.KEY_LENGTH);
    try {
      byte[] nonce = Aead.randomBytes(Aead.NONCE_LENGTH);
      byte[] ciphertext = Aead.encrypt(contentKey, nonce, plaintext, aad);
      List<Opener> wrapped = new ArrayList<>();
      for (Map.Entry<String, byte[]> e : new TreeMap<>(openers).entrySet()) {
        wrapped.add(wrap(contentKey, e.getKey(), e.getValue(), aad));
      }
      return new OfficerSealed(
          Sealer.SUITE, Base64Url.encode(nonce), Base64Url.encode(ciphertext), wrapped);
    } finally {
      Arrays.fill(contentKey, (byte) 0);
    }
  }

  /**
   * Opens content sealed for {@code officer} with that officer's key.
   *
   * @throws NotARecipientException if the officer is not an opener, or it was sealed for another
   *     key
   * @throws SealTamperedException if anything authenticated was altered
   */
  public static byte[] open(
      OfficerSealed sealed, String officer, SealingKeyPair key, byte[] associatedData) {
    Opener opener =
        sealed
            .opener(officer)
            .orElseThrow(() -> new NotARecipientException(officer + " is not an opener"));
    if (!opener.keyId().equals(key.keyId())) {
      throw new NotARecipientException(
          "sealed for " + officer + " key " + opener.keyId() + ", not for key " + key.keyId());
    }
    byte[] aad = associatedData == null ? new byte[0] : associatedData;
    byte[] privateKey = key.privateKey();
    byte[] contentKey = null;
    try {
      contentKey =
          Hpke.unwrap(
              opener.enc(), opener.wrappedKey(), privateKey, key.publicKey(), info(officer), aad);
      if (contentKey.length != Aead.KEY_LENGTH) {
        throw new SealTamperedException("wrapped content key has the wrong length");
      }
      return Aead.decrypt(
          contentKey, Base64Url.decode(sealed.nonce()), Base64Url.decode(sealed.ciphertext()), aad);
    } catch (InvalidCipherTextException
        | AEADBadTagException
        | IllegalStateException
        | IllegalArgumentException e) {
      throw new SealTamperedException(
          "sealed content for " + officer + " does not authenticate (altered, or other data)");
    } finally {
      Arrays.fill(privateKey, (byte) 0);
      if (contentKey != null) {
        Arrays.fill(contentKey, (byte) 0);
      }
    }
  }

  /**
   * The private key wrapped under {@code passphrase} (JSON text, nothing secret in clear): {@link
   * PassphraseBox}, the scheme of key files.
   */
  public static String wrapKey(SealingKeyPair key, char[] passphrase, KeyFiles.Kdf kdf) {
    ObjectNode header = Json.mapper().createObjectNode();
    header.put("format", WRAP_FORMAT);
    header.put("keyId", key.keyId());
    header.put("publicKey", Base64Url.encode(key.publicKey()));
    try {
      return Json.mapper()
          .writeValueAsString(PassphraseBox.seal(header, key.privateKey(), passphrase, kdf));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("wrapped key cannot be serialised", e);
    }
  }

  /**
   * The key wrapped by {@link #wrapKey}.
   *
   * @throws WrongPassphraseException on a wrong passphrase (or an altered document)
   * @throws IllegalArgumentException if it is not a wrapped key, or its scrypt parameters are out
   *     of bounds (refused before any work: review-3 F6)
   */
  public static SealingKeyPair unwrapKey(String wrapped, char[] passphrase) {
    JsonNode doc;
    try {
      doc = Json.mapper().readTree(wrapped);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a wrapped officer key");
    }
    if (doc == null || !WRAP_FORMAT.equals(doc.path("format").asText())) {
      throw new IllegalArgumentException("not a wrapped officer key");
    }
    byte[] secret = PassphraseBox.open(doc, passphrase);
    try {
      return SealingKeyPair.fromPrivateKey(secret);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  private static Opener wrap(byte[] contentKey, String officer, byte[] publicKey, byte[] aad) {
    if (publicKey == null || publicKey.length != SealingKeyPair.KEY_LENGTH) {
      throw new IllegalArgumentException("sealing key of " + officer + " must be 32 bytes");
    }
    Hpke.Wrapped w = Hpke.wrap(contentKey, publicKey, info(officer), aad);
    return new Opener(officer, SealingKeyPair.keyIdOf(publicKey), w.enc(), w.wrappedKey());
  }

  private static byte[] info(String officer) {
    return (INFO_PREFIX + officer).getBytes(StandardCharsets.UTF_8);
  }
}
