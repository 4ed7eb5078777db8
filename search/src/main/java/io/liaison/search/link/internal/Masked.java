package io.liaison.search.link.internal;

import io.liaison.search.ident.Fold;
import io.liaison.search.ident.IdentifierType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number written with most of it left out: a mobile with its middle masked ({@code 138****5678})
 * or a bank card by its last four digits ({@code 尾号5678}). It fits many numbers, so it is only ever
 * evidence beside another piece ({@link Scorer#MASKED_MATCH}): never alone, never retrieving a
 * candidate.
 *
 * @param written as the record has it ({@code 138****5678}, {@code 尾号5678})
 * @param prefix the digits kept before the mask ({@code 138}; empty for 尾号)
 * @param last the last four digits
 * @param holder the person written with it ({@link Holders}), or null
 */
record Masked(String written, String prefix, String last, String holder) {
  private static final Pattern MOBILE =
      Pattern.compile("(?<![0-9])(1[3-9][0-9])[*xX×]{4}([0-9]{4})(?![0-9])");
  private static final Pattern TAIL = Pattern.compile("尾号(?:为|是)?[:：]?\\s*([0-9]{4})(?![0-9])");

  Masked {
    Objects.requireNonNull(written, "written");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(last, "last");
  }

  /** Whether a full identifier of the other record fits this one. */
  boolean fits(Ident full) {
    String v = full.value();
    if (prefix.isEmpty()) {
      return full.type() == IdentifierType.ACCOUNT && v.length() >= 12 && v.endsWith(last);
    }
    return full.type() == IdentifierType.PHONE
        && v.length() == 11
        && v.startsWith(prefix)
        && v.endsWith(last);
  }

  /** The masked numbers written in {@code text} (a narrative, a listed phone or account). */
  static List<Masked> in(String text, List<Holders.Token> persons) {
    List<Masked> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    String folded = Fold.fold(text);
    Matcher m = MOBILE.matcher(folded);
    while (m.find()) {
      String h = persons == null ? null : Holders.at(folded, persons, m.start());
      out.add(new Masked(m.group(), m.group(1), m.group(2), h));
    }
    Matcher t = TAIL.matcher(folded);
    while (t.find()) {
      out.add(new Masked("尾号" + t.group(1), "", t.group(1), null));
    }
    return out;
  }
}
