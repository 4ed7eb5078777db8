package io.liaison.search.eval;

import io.liaison.api.cases.EntityType;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How an identifier or a name ends up written: another spelling of the same value (full-width,
 * spaces, dashes, lower case, +86, middle dots), a typo (one digit replaced or two swapped), or a
 * name with one character replaced by a homophone.
 */
final class Spelling {
  private static final Map<Character, String> HOMOPHONES =
      Map.ofEntries(
          Map.entry('伟', "玮炜威"),
          Map.entry('军', "君俊"),
          Map.entry('华', "骅桦"),
          Map.entry('明', "铭鸣"),
          Map.entry('刚', "钢岗"),
          Map.entry('磊', "垒"),
          Map.entry('杰', "洁捷"),
          Map.entry('涛', "滔韬"),
          Map.entry('斌', "彬宾"),
          Map.entry('平', "萍苹"),
          Map.entry('辉', "晖"),
          Map.entry('鹏', "朋"),
          Map.entry('波', "博"),
          Map.entry('龙', "隆"),
          Map.entry('林', "琳霖"),
          Map.entry('芳', "方"),
          Map.entry('静', "晶"),
          Map.entry('丽', "莉俐"),
          Map.entry('红', "宏虹"),
          Map.entry('国', "帼"),
          Map.entry('东', "冬"),
          Map.entry('海', "凯"),
          Map.entry('生', "升"),
          Map.entry('英', "瑛"),
          Map.entry('强', "蔷"));

  private final SplittableRandom r;

  Spelling(SplittableRandom r) {
    this.r = r;
  }

  /** The value as written, with another spelling with probability {@code p}. */
  String spell(EntityType type, String v, double p) {
    if (r.nextDouble() >= p) {
      return v;
    }
    int k = r.nextInt(100);
    return switch (type) {
      case PHONE -> phone(v, k);
      case ID_NUMBER ->
          k < 30 && v.endsWith("X")
              ? v.toLowerCase(Locale.ROOT)
              : k < 60
                  ? v.substring(0, 6) + " " + v.substring(6, 14) + " " + v.substring(14)
                  : k < 80
                      ? fullWidth(v)
                      : v.substring(0, 6) + "-" + v.substring(6, 14) + "-" + v.substring(14);
      case PLATE -> {
        String head = v.substring(0, 2);
        String tail = v.substring(2);
        yield k < 35
            ? head + "·" + tail
            : k < 55
                ? v.toLowerCase(Locale.ROOT)
                : k < 75
                    ? head + " " + tail
                    : k < 90 ? v.charAt(0) + fullWidth(v.substring(1)) : head + "-" + tail;
      }
      case LICENCE ->
          k < 50
              ? v.substring(0, 6) + " " + v.substring(6)
              : k < 80 ? fullWidth(v) : v.substring(0, 6) + "-" + v.substring(6);
      case WAYBILL ->
          k < 30
              ? v.toLowerCase(Locale.ROOT)
              : k < 70 ? v.replaceAll("(.{4})", "$1 ").strip() : fullWidth(v);
      case ACCOUNT ->
          v.chars().allMatch(Character::isDigit)
              ? v.replaceAll("(\\d{4})", k < 60 ? "$1 " : "$1-").replaceAll("[ -]$", "")
              : k < 50 ? v.toUpperCase(Locale.ROOT) : v;
      default -> v;
    };
  }

  private static String phone(String v, int k) {
    if (v.charAt(0) == '0') {
      String area = v.substring(0, 4);
      return k < 50
          ? area + "-" + v.substring(4)
          : k < 80 ? "(" + area + ")" + v.substring(4) : area + " " + v.substring(4);
    }
    String a = v.substring(0, 3);
    String b = v.substring(3, 7);
    String c = v.substring(7);
    if (k < 20) {
      return a + " " + b + " " + c;
    } else if (k < 40) {
      return a + "-" + b + "-" + c;
    } else if (k < 60) {
      return "+86 " + v;
    } else if (k < 70) {
      return "+86-" + a + "-" + b + "-" + c;
    } else if (k < 80) {
      return "0086" + v;
    } else if (k < 90) {
      return "(+86)" + v;
    }
    return fullWidth(v);
  }

  /** The value with one typo (a character replaced or two neighbours swapped), or unchanged. */
  String typo(EntityType type, String v, double p) {
    if (r.nextDouble() >= p) {
      return v;
    }
    int from =
        switch (type) {
          case PHONE -> v.charAt(0) == '0' ? 5 : 3;
          case ID_NUMBER, LICENCE -> 6;
          case PLATE -> 3;
          default -> 4;
        };
    if (v.length() - from < 3) {
      return v;
    }
    char[] c = v.toCharArray();
    int i = from + r.nextInt(c.length - from - 1);
    if (r.nextInt(100) < 30
        && c[i] != c[i + 1]
        && Character.isDigit(c[i])
        && Character.isDigit(c[i + 1])) {
      char t = c[i];
      c[i] = c[i + 1];
      c[i + 1] = t;
    } else if (Character.isDigit(c[i])) {
      c[i] = (char) ('0' + (c[i] - '0' + 1 + r.nextInt(9)) % 10);
    } else if (Character.isLetter(c[i])) {
      c[i] = c[i] == 'A' ? 'B' : c[i] == 'a' ? 'b' : 'A';
    } else {
      return v;
    }
    return new String(c);
  }

  /** The name with one given-name character replaced by a homophone, or unchanged. */
  String nameVariant(String name, double p) {
    if (r.nextDouble() >= p || name.length() < 2) {
      return name;
    }
    for (int attempt = 0; attempt < 4; attempt++) {
      int i = 1 + r.nextInt(name.length() - 1);
      String options = HOMOPHONES.get(name.charAt(i));
      if (options != null) {
        return name.substring(0, i)
            + options.charAt(r.nextInt(options.length()))
            + name.substring(i + 1);
      }
    }
    return name;
  }

  static String fullWidth(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      b.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : c);
    }
    return b.toString();
  }
}
