package io.liaison.search.demo;

import io.liaison.search.ident.Checksums;
import java.time.LocalDate;
import java.util.SplittableRandom;

/** Random but well-formed identifiers, and the many ways people write the same one. */
final class Ids {
  private static final String SERIAL_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final String[] MOBILE_PREFIXES = {
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152",
        "153",
    "155", "156", "157", "158", "159", "176", "177", "180", "181", "182", "183", "185", "186",
        "187",
    "188", "189", "199"
  };

  private Ids() {}

  static String plate(SplittableRandom r, String prefix) {
    StringBuilder b = new StringBuilder(prefix);
    if (r.nextInt(100) < 8) {
      b.append(r.nextBoolean() ? 'D' : 'F');
      b.append(r.nextBoolean() ? letter(r) : digit(r));
      digits(r, b, 4);
      return b.toString();
    }
    int letters = r.nextInt(3);
    for (int i = 0; i < 5; i++) {
      b.append(letters > 0 && r.nextInt(5) < 2 ? letter(r) : digit(r));
      if (Character.isLetter(b.charAt(b.length() - 1))) {
        letters--;
      }
    }
    return b.toString();
  }

  static String mobile(SplittableRandom r) {
    StringBuilder b = new StringBuilder(MOBILE_PREFIXES[r.nextInt(MOBILE_PREFIXES.length)]);
    return digits(r, b, 8).toString();
  }

  static String landline(SplittableRandom r, String areaCode) {
    StringBuilder b = new StringBuilder(areaCode).append((char) ('2' + r.nextInt(7)));
    return digits(r, b, 6).toString();
  }

  static String idNumber(SplittableRandom r, String countyCode) {
    LocalDate born = LocalDate.of(1960, 1, 1).plusDays(r.nextInt(42 * 365));
    String body =
        countyCode
            + String.format(
                "%04d%02d%02d", born.getYear(), born.getMonthValue(), born.getDayOfMonth())
            + String.format("%03d", r.nextInt(1000));
    return body + Checksums.idNumberCheck(body);
  }

  static String licence(SplittableRandom r, String countyCode) {
    return digits(r, new StringBuilder(countyCode).append('1'), 5).toString();
  }

  static String waybill(SplittableRandom r, String courier) {
    return switch (courier) {
      case "顺丰" -> digits(r, new StringBuilder("SF"), 13).toString();
      case "圆通" -> digits(r, new StringBuilder("YT"), 13).toString();
      case "极兔" -> digits(r, new StringBuilder("JT"), 13).toString();
      case "中通" -> digits(r, new StringBuilder(r.nextBoolean() ? "73" : "78"), 12).toString();
      case "韵达" -> digits(r, new StringBuilder(r.nextBoolean() ? "43" : "46"), 11).toString();
      default -> digits(r, new StringBuilder("773"), 12).toString();
    };
  }

  static String bankCard(SplittableRandom r) {
    String body = digits(r, new StringBuilder("62"), 16).toString();
    for (char d = '0'; d <= '9'; d++) {
      if (Checksums.luhn(body + d)) {
        return body + d;
      }
    }
    throw new IllegalStateException();
  }

  static String wechat(SplittableRandom r) {
    StringBuilder b = new StringBuilder();
    b.append((char) ('a' + r.nextInt(26)));
    int n = 6 + r.nextInt(6);
    for (int i = 0; i < n; i++) {
      int k = r.nextInt(37);
      b.append(k < 26 ? (char) ('a' + k) : k < 36 ? (char) ('0' + k - 26) : '_');
    }
    return b.toString();
  }

  /** How someone might write {@code plate}: dots, spaces, lower case, full width. */
  static String spellPlate(SplittableRandom r, String plate) {
    String head = plate.substring(0, 2);
    String serial = plate.substring(2);
    int k = r.nextInt(100);
    if (k < 40) {
      return plate;
    } else if (k < 65) {
      return head + "·" + serial;
    } else if (k < 75) {
      return plate.toLowerCase();
    } else if (k < 85) {
      return head + " " + serial;
    } else if (k < 95) {
      return plate.charAt(0) + fullWidth(plate.substring(1));
    }
    return (head + "·" + serial).toLowerCase();
  }

  static String spellPhone(SplittableRandom r, String phone) {
    if (phone.charAt(0) == '0') {
      String area = phone.substring(0, 4);
      return r.nextBoolean()
          ? area + "-" + phone.substring(4)
          : "(" + area + ")" + phone.substring(4);
    }
    int k = r.nextInt(100);
    String a = phone.substring(0, 3);
    String b = phone.substring(3, 7);
    String c = phone.substring(7);
    if (k < 50) {
      return phone;
    } else if (k < 65) {
      return a + " " + b + " " + c;
    } else if (k < 80) {
      return a + "-" + b + "-" + c;
    } else if (k < 90) {
      return "+86 " + phone;
    }
    return fullWidth(phone);
  }

  static String spellId(SplittableRandom r, String id) {
    int k = r.nextInt(100);
    if (k < 70) {
      return id;
    } else if (k < 80) {
      return id.toLowerCase();
    } else if (k < 95) {
      return id.substring(0, 6) + " " + id.substring(6, 14) + " " + id.substring(14);
    }
    return fullWidth(id);
  }

  static String spellLicence(SplittableRandom r, String licence) {
    int k = r.nextInt(100);
    return k < 80
        ? licence
        : k < 90 ? licence.substring(0, 6) + " " + licence.substring(6) : fullWidth(licence);
  }

  static String spellWaybill(SplittableRandom r, String waybill) {
    int k = r.nextInt(100);
    if (k < 75) {
      return waybill;
    } else if (k < 85) {
      return waybill.toLowerCase();
    } else if (k < 95 || !waybill.startsWith("7")) {
      return waybill.replaceAll("(.{4})", "$1 ").strip();
    }
    return "ZTO" + waybill;
  }

  static String spellCard(SplittableRandom r, String card) {
    return r.nextBoolean() ? card : card.replaceAll("(\\d{4})", "$1 ").strip();
  }

  static String fullWidth(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      b.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : c);
    }
    return b.toString();
  }

  private static char letter(SplittableRandom r) {
    return SERIAL_LETTERS.charAt(r.nextInt(SERIAL_LETTERS.length()));
  }

  private static char digit(SplittableRandom r) {
    return (char) ('0' + r.nextInt(10));
  }

  private static StringBuilder digits(SplittableRandom r, StringBuilder b, int n) {
    for (int i = 0; i < n; i++) {
      b.append(digit(r));
    }
    return b;
  }
}
