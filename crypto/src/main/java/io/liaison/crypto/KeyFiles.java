package io.liaison.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.crypto.internal.Base64Url;
import io.liaison.crypto.internal.PassphraseBox;
import io.liaison.crypto.internal.SecureFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Private keys at rest: a small JSON file whose private part is encrypted with AES-256-GCM under a
 * key derived from a passphrase with scrypt (default N=2<sup>17</sup>, r=8, p=1: 128 MiB, about
 * half a second). The clear header (format, kind, bureau, key ids, KDF parameters, nonce) is bound
 * to the ciphertext as associated data, so no part of the file can be altered unnoticed. Files are
 * written atomically with permissions 600 where the file system supports POSIX permissions.
 *
 * <p>A wrong passphrase (or an altered file) raises {@link WrongPassphraseException}; other
 * problems raise {@link KeyFileException} or {@link UncheckedIOException}. Messages name the file,
 * never key material. The caller owns the passphrase array and should clear it after use.
 */
public final class KeyFiles {
  private static final String FORMAT = "liaison-keyfile-v1";
  private static final String BUREAU = "bureau";
  private static final String AUTHORITY = "authority";

  /** scrypt cost parameters. */
  public record Kdf(int n, int r, int p) {
    /** 128 MiB, about half a second: for real key files. */
    public static final Kdf DEFAULT = new Kdf(1 << 17, 8, 1);

    /** 16 MiB: the lowest accepted; for tests and throw-away demo keys only. */
    public static final Kdf FAST = new Kdf(1 << 14, 8, 1);

    public Kdf {
      if (Integer.bitCount(n) != 1 || n < (1 << 14) || n > (1 << 18)) {
        throw new IllegalArgumentException("scrypt N must be a power of two in [2^14, 2^18]");
      }
      if (r < 1 || r > 32 || p < 1 || p > 16) {
        throw new IllegalArgumentException("scrypt r must be in [1, 32] and p in [1, 16]");
      }
    }
  }

  private KeyFiles() {}

  public static void write(Path file, BureauKeys keys, char[] passphrase) {
    write(file, keys, passphrase, Kdf.DEFAULT);
  }

  public static void write(Path file, BureauKeys keys, char[] passphrase, Kdf kdf) {
    ObjectNode header = header(BUREAU);
    header.put("bureau", keys.bureau().code());
    header.put("signingKeyId", keys.signing().keyId());
    header.put("sealingKeyId", keys.sealing().keyId());
    byte[] secret = concat(keys.signing().privateKey(), keys.sealing().privateKey());
    seal(file, header, secret, passphrase, kdf);
  }

  public static BureauKeys read(Path file, char[] passphrase) {
    JsonNode header = load(file, BUREAU);
    byte[] secret = open(file, header, passphrase);
    try {
      if (secret.length != 64) {
        throw new KeyFileException("key file " + file + " holds keys of the wrong length");
      }
      SigningKeyPair signing = SigningKeyPair.fromPrivateKey(Arrays.copyOfRange(secret, 0, 32));
      SealingKeyPair sealing = SealingKeyPair.fromPrivateKey(Arrays.copyOfRange(secret, 32, 64));
      BureauId bureau = BureauId.of(text(file, header, "bureau"));
      return new BureauKeys(bureau, signing, sealing);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  public static void writeAuthority(Path file, SigningKeyPair key, char[] passphrase) {
    writeAuthority(file, key, passphrase, Kdf.DEFAULT);
  }

  public static void writeAuthority(Path file, SigningKeyPair key, char[] passphrase, Kdf kdf) {
    ObjectNode header = header(AUTHORITY);
    header.put("signingKeyId", key.keyId());
    seal(file, header, key.privateKey(), passphrase, kdf);
  }

  public static SigningKeyPair readAuthority(Path file, char[] passphrase) {
    JsonNode header = load(file, AUTHORITY);
    byte[] secret = open(file, header, passphrase);
    try {
      if (secret.length != 32) {
        throw new KeyFileException("key file " + file + " holds a key of the wrong length");
      }
      return SigningKeyPair.fromPrivateKey(secret);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  /** Writes a raw public key as one line of base64url (the form of {@code authority.pub}). */
  public static void writePublicKey(Path file, byte[] publicKey) {
    try {
      Files.writeString(file, Base64Url.encode(publicKey) + "\n", StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write public key file " + file, e);
    }
  }

  /** Reads a 32-byte public key written by {@link #writePublicKey} (surrounding space ignored). */
  public static byte[] readPublicKey(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read public key file " + file, e);
    }
    try {
      return Base64Url.decode(text, 32, "public key");
    } catch (IllegalArgumentException e) {
      throw new KeyFileException("public key file " + file + ": " + e.getMessage(), e);
    }
  }

  private static ObjectNode header(String kind) {
    ObjectNode header = Json.mapper().createObjectNode();
    header.put("format", FORMAT);
    header.put("kind", kind);
    header.put("cipher", "AES-256-GCM");
    return header;
  }

  private static void seal(
      Path file, ObjectNode header, byte[] secret, char[] passphrase, Kdf kdf) {
    ObjectNode document = PassphraseBox.seal(header, secret, passphrase, kdf);
    try {
      SecureFiles.writeOwnerOnly(
          file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("key file cannot be serialised", e);
    }
  }

  private static JsonNode load(Path file, String kind) {
    JsonNode document;
    try {
      document = CanonicalJson.parse(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read key file " + file, e);
    } catch (IllegalArgumentException e) {
      throw new KeyFileException("key file " + file + " is not JSON", e);
    }
    if (!FORMAT.equals(document.path("format").asText())) {
      throw new KeyFileException("file " + file + " is not a " + FORMAT + " key file");
    }
    if (!kind.equals(document.path("kind").asText())) {
      throw new KeyFileException(
          "key file " + file + " holds " + document.path("kind").asText() + " keys, not " + kind);
    }
    return document;
  }

  private static byte[] open(Path file, JsonNode document, char[] passphrase) {
    try {
      return PassphraseBox.open(document, passphrase);
    } catch (WrongPassphraseException e) {
      throw new WrongPassphraseException(
          "wrong passphrase for key file " + file + " (or the file was altered)");
    } catch (IllegalArgumentException e) {
      throw new KeyFileException("key file " + file + " is malformed: " + e.getMessage(), e);
    }
  }

  private static String text(Path file, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new KeyFileException("key file " + file + " lacks " + field);
    }
    return value.textValue();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    Arrays.fill(a, (byte) 0);
    Arrays.fill(b, (byte) 0);
    return out;
  }
}
