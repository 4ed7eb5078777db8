package io.liaison.search.ident;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resident identity card numbers (GB 11643-1999). Canonical form: 18 characters, check character
 * upper case ({@code 15092419800101123X}). Spaces, dashes, full-width digits, a lower-case {@code
 * x} or a multiplication sign {@code ×} are accepted; an old 15-digit number is upgraded to its
 * 18-digit form (century 19 and computed check digit). A number whose check digit or birth date is
 * wrong is returned flagged ({@link Identifier#valid()} false) and stays distinct from the correct
 * number.
 */
final class IdNumbers {
  private static final Pattern LABEL = Pattern.compile("^(?:公民身份号码|身份证号码|身份证号|身份证|ID)[:：]?");
  private static final Pattern EIGHTEEN = Pattern.compile("[1-9][0-9]{16}[0-9X]");
  private static final Pattern FIFTEEN = Pattern.compile("[1-9][0-9]{14}");

  private IdNumbers() {}

  static Optional<Identifier> normalise(String raw) {
    String s = LABEL.matcher(Fold.compact(raw)).replaceFirst("");
    if (FIFTEEN.matcher(s).matches()) {
      String body = s.substring(0, 6) + "19" + s.substring(6);
      String full = body + Checksums.idNumberCheck(body);
      return Optional.of(new Identifier(IdentifierType.ID_NUMBER, full, birthDateOk(full)));
    }
    if (!EIGHTEEN.matcher(s).matches()) {
      return Optional.empty();
    }
    boolean valid = Checksums.idNumberCheck(s.substring(0, 17)) == s.charAt(17) && birthDateOk(s);
    return Optional.of(new Identifier(IdentifierType.ID_NUMBER, s, valid));
  }

  private static boolean birthDateOk(String id) {
    try {
      LocalDate born =
          LocalDate.of(
              Integer.parseInt(id.substring(6, 10)),
              Integer.parseInt(id.substring(10, 12)),
              Integer.parseInt(id.substring(12, 14)));
      return born.getYear() >= 1900 && born.getYear() <= 2100;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
