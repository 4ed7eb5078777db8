package io.liaison.search.link.internal;

import io.liaison.search.ident.Fold;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Addresses as evidence: a house in a village (红岭村155号, 小梁村131号院, 北岭村七号) written in a record's
 * address, its listed addresses (存放地点, 经营地址) or its narrative (货物由…发出, 曾到…提货). The normal form
 * keeps the village (the two characters before 村) and the house number in Arabic digits; county,
 * town and 院 are left out, as officers write them or not. A market stall or a courier's collection
 * point has no village house number and is not a place here.
 */
final class Places {
  private static final Pattern PLACE =
      Pattern.compile("([\\p{IsHan}]{2})村([0-9零〇一二三四五六七八九十百]{1,6})号(?!摊|柜|铺)");

  private Places() {}

  /** The places written in {@code texts}, in normal form, each once. */
  static List<String> of(String... texts) {
    Set<String> out = new LinkedHashSet<>();
    for (String t : texts) {
      if (t == null || t.indexOf('村') < 0) {
        continue;
      }
      Matcher m = PLACE.matcher(Fold.fold(t));
      while (m.find()) {
        int n = number(m.group(2));
        if (n > 0) {
          out.add(m.group(1) + "村" + n + "号");
        }
      }
    }
    return List.copyOf(out);
  }

  /** Arabic or Chinese house numbers (155, 一百五十五, 七, 二十); -1 when unreadable. */
  static int number(String s) {
    if (s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return s.length() > 5 ? -1 : Integer.parseInt(s);
    }
    String digits = "零一二三四五六七八九";
    int total = 0;
    int current = 0;
    boolean plain = s.indexOf('十') < 0 && s.indexOf('百') < 0;
    for (char c : s.toCharArray()) {
      int d = c == '〇' ? 0 : digits.indexOf(c);
      if (d >= 0) {
        current = plain ? current * 10 + d : d;
      } else if (c == '十') {
        total += (current == 0 ? 1 : current) * 10;
        current = 0;
      } else if (c == '百') {
        total += (current == 0 ? 1 : current) * 100;
        current = 0;
      } else {
        return -1;
      }
    }
    return total + current;
  }
}
