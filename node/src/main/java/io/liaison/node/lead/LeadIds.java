package io.liaison.node.lead;

import io.liaison.api.BureauId;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Lead ids that an officer can read over the phone: bureau code, the posting day in Asia/Shanghai,
 * and 8 random Crockford base-32 characters, e.g. {@code 150924-20261126-7KQ2M9XD}.
 */
public final class LeadIds {
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final Pattern VALID =
      Pattern.compile("[1-9][0-9]{5}-[0-9]{8}-[0-9A-HJKMNP-TV-Z]{8}");
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneId.of("Asia/Shanghai"));
  private static final SecureRandom RANDOM = new SecureRandom();

  private LeadIds() {}

  public static String next(BureauId bureau, Instant at) {
    char[] tail = new char[8];
    for (int i = 0; i < tail.length; i++) {
      tail[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return bureau.code() + "-" + DAY.format(at) + "-" + new String(tail);
  }

  public static boolean isValid(String id) {
    return id != null && VALID.matcher(id).matches();
  }
}
