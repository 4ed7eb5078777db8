package io.liaison.search.link.internal;

import io.liaison.search.ident.Fold;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Addresses as evidence: a house in a village (红岭村155号, 小梁村131号院, 北岭村七号) written in a record's
 * address, its listed addresses (存放地点, 经营地址) or its narrative (货物由…发出, 曾到…提货). The normal form
 * keeps the village (the two characters before 村) and the house number in Arabic digits; county and
 * 院 are left out, as officers write them or not. The town (…镇, …乡) written right before the village
 * is kept beside it: written on both sides and different, it is another village of the same name. A
 * market stall or a courier's collection point has no village house number and is not a place here.
 *
 * <p>What the house is in the case is read from the words around it: where goods came from or were
 * kept (曾到…提货, 货物由…发出, 此前存放于…, 在…一处仓库查获) is a {@linkplain Use#SOURCE source}, a shop inspected
 * there (…一家烟酒门市, 经营地址) is a {@linkplain Use#BUSINESS business}.
 */
final class Places {
  private static final Pattern PLACE =
      Pattern.compile(
          "((?:[\\p{IsHan}]{2}(?:镇|乡))?)([\\p{IsHan}]{2})村([0-9零〇一二三四五六七八九十百]{1,6})号(?!摊|柜|铺)");

  /** How far before and after a mention the words that say what the house is are read. */
  private static final int BEFORE = 12;

  private static final int AFTER = 8;

  private static final String CLAUSE_END = "。;；!！?？\n";

  /** Words around a house that make it where goods came from or were kept. */
  private static final String[] SOURCE_WORDS = {
    "提货", "取货", "装货", "发出", "发货", "发往", "存放", "储存", "囤放", "囤积", "藏匿", "窝点", "仓库", "库房", "货源", "民房",
    "院落"
  };

  /** Words around a house that make it a shop inspected there. */
  private static final String[] BUSINESS_WORDS = {
    "门市", "商店", "超市", "小卖部", "烟酒", "便利店", "副食", "经营", "零售", "批发部", "门店"
  };

  /** What a house is in a case. */
  enum Use {
    /** Where goods came from or were kept: a network's own place. */
    SOURCE,
    /** A shop inspected there: a shop is inspected twice for unrelated reasons. */
    BUSINESS,
    /** Neither said. */
    OTHER
  }

  /**
   * A house in a village, in normal form.
   *
   * @param name village and house number, {@code 红岭村155号}
   * @param town the town written before the village ({@code 北台镇}), or null
   * @param use what the house is in the record (the most telling of its mentions)
   */
  record Place(String name, String town, Use use) {
    Place {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(use, "use");
    }

    /** Whether {@code other} can be the same house: the same village and number, no two towns. */
    boolean sameAs(Place other) {
      return name.equals(other.name)
          && (town == null || other.town == null || town.equals(other.town));
    }
  }

  /** A text to read places in and, for a listed address, the role it was listed with. */
  record Text(String text, String role, boolean narrative) {}

  private Places() {}

  /** The places written in {@code texts} (no context), in normal form, each once. */
  static List<Place> of(String... texts) {
    List<Text> t = new ArrayList<>();
    for (String s : texts) {
      t.add(new Text(s, null, false));
    }
    return of(t);
  }

  /** The places written in {@code texts}, each once, with the town and use of their mentions. */
  static List<Place> of(List<Text> texts) {
    Map<String, Place> out = new LinkedHashMap<>();
    for (Text t : texts) {
      if (t.text() == null || t.text().indexOf('村') < 0) {
        continue;
      }
      String folded = Fold.fold(t.text());
      Matcher m = PLACE.matcher(folded);
      while (m.find()) {
        int n = number(m.group(3));
        if (n <= 0) {
          continue;
        }
        String name = m.group(2) + "村" + n + "号";
        String town = m.group(1).isEmpty() ? null : m.group(1);
        Use use =
            t.narrative()
                ? use(folded, m.start(), m.end())
                : t.role() != null ? useOfRole(t.role()) : Use.OTHER;
        Place was = out.get(name);
        out.put(
            name,
            was == null
                ? new Place(name, town, use)
                : new Place(
                    name, was.town() != null ? was.town() : town, stronger(was.use(), use)));
      }
    }
    return List.copyOf(out.values());
  }

  private static Use stronger(Use a, Use b) {
    return a == Use.SOURCE || b == Use.SOURCE
        ? Use.SOURCE
        : a == Use.BUSINESS || b == Use.BUSINESS ? Use.BUSINESS : Use.OTHER;
  }

  /** What the words just before and after a mention in a narrative say the house is. */
  private static Use use(String text, int start, int end) {
    int from = start;
    while (from > 0 && start - from < BEFORE && CLAUSE_END.indexOf(text.charAt(from - 1)) < 0) {
      from--;
    }
    int to = end;
    while (to < text.length() && to - end < AFTER && CLAUSE_END.indexOf(text.charAt(to)) < 0) {
      to++;
    }
    String around = text.substring(from, start) + "|" + text.substring(end, to);
    if (containsAny(around, SOURCE_WORDS)) {
      return Use.SOURCE;
    }
    return containsAny(around, BUSINESS_WORDS) ? Use.BUSINESS : Use.OTHER;
  }

  /** What a listed address's role (存放地点, 经营地址, 关联地址…) says the house is. */
  static Use useOfRole(String role) {
    if (containsAny(role, SOURCE_WORDS) || role.contains("存放") || role.contains("发货")) {
      return Use.SOURCE;
    }
    return containsAny(role, BUSINESS_WORDS) ? Use.BUSINESS : Use.OTHER;
  }

  private static boolean containsAny(String s, String[] words) {
    for (String w : words) {
      if (s.contains(w)) {
        return true;
      }
    }
    return false;
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
