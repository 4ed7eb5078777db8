package io.liaison.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.Json;
import io.liaison.crypto.OfficerSealed.Opener;
import io.liaison.crypto.internal.Aead;
import io.liaison.crypto.internal.Base64Url;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.hpke.HPKE;

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

  /** scrypt cost of a wrapped officer key. */
  public record Kdf(int n, int r, int p) {
    public static final Kdf DEFAULT = new Kdf(1 << 15, 8, 1);
  }

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
    HPKE hpke = hpke();
    byte[] privateKey = key.privateKey();
    byte[] contentKey = null;
    try {
      AsymmetricCipherKeyPair pair = hpke.deserializePrivateKey(privateKey, key.publicKey());
      contentKey =
          hpke.open(
              Base64Url.decode(opener.enc()),
              pair,
              info(officer),
              aad,
              Base64Url.decode(opener.wrappedKey()),
              null,
              null,
              null);
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

  /** The private key wrapped under {@code passphrase} (JSON text, nothing secret in clear). */
  public static String wrapKey(SealingKeyPair key, char[] passphrase, Kdf kdf) {
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("format", WRAP_FORMAT);
    doc.put("keyId", key.keyId());
    doc.put("publicKey", Base64Url.encode(key.publicKey()));
    ObjectNode params = doc.putObject("kdf");
    params.put("name", "scrypt");
    params.put("n", kdf.n());
    params.put("r", kdf.r());
    params.put("p", kdf.p());
    byte[] salt = Aead.randomBytes(16);
    params.put("salt", Base64Url.encode(salt));
    byte[] nonce = Aead.randomBytes(Aead.NONCE_LENGTH);
    doc.put("nonce", Base64Url.encode(nonce));
    byte[] k = derive(passphrase, salt, kdf);
    byte[] secret = key.privateKey();
    try {
      byte[] ct = Aead.encrypt(k, nonce, secret, CanonicalJson.canonicalize(doc));
      doc.put("ciphertext", Base64Url.encode(ct));
      return Json.mapper().writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("wrapped key cannot be serialised", e);
    } finally {
      Arrays.fill(k, (byte) 0);
      Arrays.fill(secret, (byte) 0);
    }
  }

  /**
   * The key wrapped by {@link #wrapKey}.
   *
   * @throws WrongPassphraseException on a wrong passphrase (or an altered document)
   */
  public static SealingKeyPair unwrapKey(String wrapped, char[] passphrase) {
    JsonNode doc;
    try {
      doc = Json.mapper().readTree(wrapped);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a wrapped officer key");
    }
    if (!WRAP_FORMAT.equals(doc.path("format").asText())) {
      throw new IllegalArgumentException("not a wrapped officer key");
    }
    ObjectNode header = ((ObjectNode) doc).deepCopy();
    header.remove("ciphertext");
    JsonNode params = doc.path("kdf");
    Kdf kdf = new Kdf(params.path("n").asInt(), params.path("r").asInt(), params.path("p").asInt());
    byte[] k = derive(passphrase, Base64Url.decode(params.path("salt").asText()), kdf);
    byte[] secret = null;
    try {
      secret =
          Aead.decrypt(
              k,
              Base64Url.decode(doc.path("nonce").asText()),
              Base64Url.decode(doc.path("ciphertext").asText()),
              CanonicalJson.canonicalize(header));
      return SealingKeyPair.fromPrivateKey(secret);
    } catch (AEADBadTagException e) {
      throw new WrongPassphraseException("wrong passphrase for the officer key");
    } finally {
      Arrays.fill(k, (byte) 0);
      if (secret != null) {
        Arrays.fill(secret, (byte) 0);
      }
    }
  }

  private static Opener wrap(byte[] contentKey, String officer, byte[] publicKey, byte[] aad) {
    if (publicKey == null || publicKey.length != SealingKeyPair.KEY_LENGTH) {
      throw new IllegalArgumentException("sealing key of " + officer + " must be 32 bytes");
    }
    HPKE hpke = hpke();
    try {
      byte[][] result =
          hpke.seal(
              hpke.deserializePublicKey(publicKey),
              info(officer),
              aad,
              contentKey,
              null,
              null,
              null);
      return new Opener(
          officer,
          SealingKeyPair.keyIdOf(publicKey),
          Base64Url.encode(result[1]),
          Base64Url.encode(result[0]));
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("HPKE seal failed", e);
    }
  }

  private static byte[] derive(char[] passphrase, byte[] salt, Kdf kdf) {
    Objects.requireNonNull(passphrase, "passphrase");
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    Arrays.fill(encoded.array(), (byte) 0);
    try {
      return SCrypt.generate(bytes, salt, kdf.n(), kdf.r(), kdf.p(), Aead.KEY_LENGTH);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private static byte[] info(String officer) {
    return (INFO_PREFIX + officer).getBytes(StandardCharsets.UTF_8);
  }

  private static HPKE hpke() {
    return new HPKE(
        HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
  }
}
