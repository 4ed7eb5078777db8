package io.liaison.crypto.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.crypto.CanonicalJson;
import io.liaison.crypto.KeyFiles;
import io.liaison.crypto.WrongPassphraseException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;

/**
 * A secret kept under a passphrase in a JSON document: scrypt (the parameters of {@link
 * KeyFiles.Kdf}, bounded before any work is done) → AES-256-GCM, the clear header (everything but
 * the ciphertext, canonicalised) bound as associated data so that no part of it can be altered
 * unnoticed. The one implementation behind key files ({@link KeyFiles}) and officers' wrapped
 * sealing keys ({@link io.liaison.crypto.OfficerSealer}).
 */
public final class PassphraseBox {
  private PassphraseBox() {}

  /**
   * {@code header} completed with the KDF parameters and a fresh salt and nonce, and the ciphertext
   * of {@code secret}; {@code secret} is cleared.
   */
  public static ObjectNode seal(
      ObjectNode header, byte[] secret, char[] passphrase, KeyFiles.Kdf kdf) {
    ObjectNode params = header.putObject("kdf");
    params.put("name", "scrypt");
    params.put("n", kdf.n());
    params.put("r", kdf.r());
    params.put("p", kdf.p());
    byte[] salt = Aead.randomBytes(16);
    params.put("salt", Base64Url.encode(salt));
    byte[] nonce = Aead.randomBytes(Aead.NONCE_LENGTH);
    header.put("nonce", Base64Url.encode(nonce));
    byte[] key = Scrypt.derive(passphrase, salt, kdf.n(), kdf.r(), kdf.p());
    try {
      byte[] ciphertext = Aead.encrypt(key, nonce, secret, CanonicalJson.canonicalize(header));
      ObjectNode document = header.deepCopy();
      document.put("ciphertext", Base64Url.encode(ciphertext));
      return document;
    } finally {
      Arrays.fill(key, (byte) 0);
      Arrays.fill(secret, (byte) 0);
    }
  }

  /**
   * The secret of a document made by {@link #seal}.
   *
   * @throws WrongPassphraseException on a wrong passphrase or an altered document
   * @throws IllegalArgumentException if the document is not one (not an object, an unknown KDF, KDF
   *     parameters out of {@link KeyFiles.Kdf}'s bounds, a missing field) — before any key
   *     derivation
   */
  public static byte[] open(JsonNode document, char[] passphrase) {
    if (document == null || !document.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    JsonNode params = document.path("kdf");
    if (!"scrypt".equals(params.path("name").asText())) {
      throw new IllegalArgumentException("unknown KDF");
    }
    for (String f : new String[] {"n", "r", "p"}) {
      if (!params.path(f).isInt()) {
        throw new IllegalArgumentException("KDF parameter " + f + " missing");
      }
    }
    KeyFiles.Kdf kdf =
        new KeyFiles.Kdf(
            params.path("n").asInt(), params.path("r").asInt(), params.path("p").asInt());
    byte[] salt = Base64Url.decode(text(params, "salt"));
    byte[] nonce = Base64Url.decode(text(document, "nonce"));
    byte[] ciphertext = Base64Url.decode(text(document, "ciphertext"));
    ObjectNode header = ((ObjectNode) document).deepCopy();
    header.remove("ciphertext");
    byte[] key = Scrypt.derive(passphrase, salt, kdf.n(), kdf.r(), kdf.p());
    try {
      return Aead.decrypt(key, nonce, ciphertext, CanonicalJson.canonicalize(header));
    } catch (AEADBadTagException e) {
      throw new WrongPassphraseException("wrong passphrase (or the document was altered)");
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("lacks " + field);
    }
    return value.textValue();
  }
}
