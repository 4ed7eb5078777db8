package io.liaison.crypto.internal;

import java.util.Arrays;
import java.util.Base64;

/**
 * Base64url without padding (RFC 4648 §5), decoded strictly: the text must be the one canonical
 * encoding of the bytes it decodes to. Java's decoder ignores non-zero trailing bits, so without
 * the re-encoding check a one-character change of a signature could decode to the same bytes.
 */
public final class Base64Url {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private Base64Url() {}

  public static String encode(byte[] bytes) {
    return ENCODER.encodeToString(bytes);
  }

  /**
   * @throws IllegalArgumentException if the text is not canonical unpadded base64url
   */
  public static byte[] decode(String text) {
    if (text == null) {
      throw new IllegalArgumentException("base64url text is missing");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!ok) {
        throw new IllegalArgumentException("not unpadded base64url");
      }
    }
    byte[] bytes = DECODER.decode(text);
    if (!ENCODER.encodeToString(bytes).equals(text)) {
      throw new IllegalArgumentException("not the canonical base64url encoding");
    }
    return bytes;
  }

  /** Decodes and checks the length. */
  public static byte[] decode(String text, int expectedLength, String what) {
    byte[] bytes = decode(text);
    if (bytes.length != expectedLength) {
      Arrays.fill(bytes, (byte) 0);
      throw new IllegalArgumentException(what + " must be " + expectedLength + " bytes");
    }
    return bytes;
  }
}
