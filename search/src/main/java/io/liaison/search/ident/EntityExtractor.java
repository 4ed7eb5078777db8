package io.liaison.search.ident;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds identifiers in free Chinese text: vehicle plates, phones, ID numbers, waybills, retail
 * licences and accounts, written as people write them (glued to Chinese characters, full-width,
 * grouped with spaces or dashes, {@code 蒙J·3K582}, {@code １３８-1234-5678}).
 *
 * <p>Shapes that are unambiguous are taken as they are (a plate, an ID number with a correct check
 * digit, a mobile number, a waybill with courier letters, an e-mail account). A bare run of digits
 * that could be several things (a 12-digit number is a licence or a 中通 waybill) is classified by
 * the nearest keyword before it in the same clause ({@code 许可证号}, {@code 运单号}, {@code 卡号}, {@code
 * 身份证}); without one it is left out rather than guessed. Thread-safe and stateless.
 */
public final class EntityExtractor {
  private static final int CONTEXT_WINDOW = 30;
  private static final String CLAUSE_END = "。;；!！?？\n";

  private static final Pattern DIGIT_RUN =
      Pattern.compile(
          "(?<![0-9A-Za-z+])(?:(?:\\+|00)86[ -]?)?[0-9](?:[ -]?[0-9]){9,22}[Xx]?(?![0-9A-Za-z@])");
  private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
  private static final Pattern LANDLINE_OR_SERVICE =
      Pattern.compile("0[1-9][0-9]{8,10}|[48]00[0-9]{7}");
  private static final Pattern BRACKETED_LANDLINE =
      Pattern.compile("\\(0[0-9]{2,3}\\)[ -]?[2-9][0-9]{2,3}[ -]?[0-9]{4}(?![0-9])");
  private static final Pattern PLATE =
      Pattern.compile(
          "["
              + Plates.PROVINCES
              + "][ ·.-]?[A-Za-z][ ·.-]{0,2}[A-Za-z0-9](?: ?[A-Za-z0-9]){3,5}[挂学警]?"
              + "(?![A-Za-z0-9])");
  private static final Pattern LETTERED_WAYBILL =
      Pattern.compile(
          "(?<![A-Za-z0-9])(?:(?i:sf|yt|jt)[ -]?[0-9](?:[ -]?[0-9]){11,14}"
              + "|(?i:zto|yd|sto|htky)[ -]?[0-9]{10,15}|(?i:jd)[A-Za-z]{0,3}[0-9]{9,15}"
              + "|[A-Z]{2}[0-9]{9}[A-Z]{2})(?![0-9A-Za-z])");
  private static final Pattern EMAIL =
      Pattern.compile(
          "[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
  private static final Pattern WECHAT =
      Pattern.compile(
          "(?:微信号?|微信账号|(?i:wechat))(?:[:： (]|为|是|号为|号是|号:|号：){0,3}"
              + "([A-Za-z][A-Za-z0-9_-]{3,19})(?![A-Za-z0-9_-])");

  private static final String[] PHONE_WORDS = {"电话", "手机", "座机", "热线", "联系方式"};
  private static final String[] ID_WORDS = {"身份证号码", "身份证号", "身份证", "身份号码", "公民身份"};
  private static final String[] LICENCE_WORDS = {"许可证", "证号", "零售户", "持证"};
  private static final String[] WAYBILL_WORDS = {
    "单号", "运单", "快递", "包裹", "物流", "寄递", "面单", "顺丰", "中通", "韵达", "申通", "圆通", "极兔", "邮政"
  };
  private static final String[] ACCOUNT_WORDS = {
    "卡号", "账号", "帐号", "账户", "帐户", "银行", "转账", "汇款", "收款", "支付宝", "微信"
  };

  private EntityExtractor() {}

  /** Every identifier found in {@code text}, in order of position; never null. */
  public static List<ExtractedEntity> extract(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    String folded = Fold.fold(text);
    List<ExtractedEntity> found = new ArrayList<>();
    if (folded.indexOf('@') >= 0) {
      Matcher email = EMAIL.matcher(folded);
      while (email.find()) {
        add(IdentifierType.ACCOUNT, text, email.start(), email.end(), found);
      }
    }
    // Each pattern is tried only where it can start: regex scanning of every position of every
    // narrative was the bottleneck of indexing.
    Matcher waybill = at(LETTERED_WAYBILL, folded);
    Matcher plate = at(PLATE, folded);
    Matcher landline = at(BRACKETED_LANDLINE, folded);
    Matcher digits = at(DIGIT_RUN, folded);
    int n = folded.length();
    for (int i = 0; i < n; i++) {
      char c = folded.charAt(i);
      char before = i == 0 ? ' ' : folded.charAt(i - 1);
      int end = -1;
      if (c < 128) {
        if (isAsciiLetter(c) && !isAsciiAlnum(before) && matchesAt(waybill, i)) {
          end = add(IdentifierType.WAYBILL, text, i, waybill.end(), found);
        } else if ((isDigit(c) || c == '+')
            && !isAsciiAlnum(before)
            && before != '+'
            && matchesAt(digits, i)) {
          end = classifyDigits(folded, text, i, digits.end(), found);
        } else if (c == '(' && matchesAt(landline, i)) {
          end = add(IdentifierType.PHONE, text, i, landline.end(), found);
        }
      } else if (Plates.PROVINCES.indexOf(c) >= 0 && matchesAt(plate, i)) {
        end = add(IdentifierType.PLATE, text, i, plate.end(), found);
      }
      if (end > i) {
        i = end - 1;
      }
    }
    if (folded.contains("微信") || folded.toLowerCase(Locale.ROOT).contains("wechat")) {
      Matcher wechat = WECHAT.matcher(folded);
      while (wechat.find()) {
        add(IdentifierType.ACCOUNT, text, wechat.start(1), wechat.end(1), found);
      }
    }
    return resolveOverlaps(found);
  }

  private static Matcher at(Pattern p, String folded) {
    return p.matcher(folded).useTransparentBounds(true).useAnchoringBounds(false);
  }

  private static boolean matchesAt(Matcher m, int i) {
    m.region(i, m.regionEnd());
    return m.lookingAt();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  private static boolean isAsciiAlnum(char c) {
    return isDigit(c) || isAsciiLetter(c);
  }

  /** Adds the identifier at {@code start..end} if it is one; returns where scanning resumes. */
  private static int add(
      IdentifierType type, String text, int start, int end, List<ExtractedEntity> found) {
    Optional<Identifier> id = Identifiers.normalise(type, text.substring(start, end));
    id.ifPresent(x -> found.add(entity(x, text, start, end)));
    return id.isPresent() ? end : start + 1;
  }

  private static ExtractedEntity entity(Identifier id, String text, int start, int end) {
    return new ExtractedEntity(
        id.type(), text.substring(start, end), id.value(), start, end, id.valid());
  }

  /**
   * A run of digits: what it is depends on its length, its check digits and its context. Returns
   * where scanning resumes.
   */
  private static int classifyDigits(
      String folded, String text, int start, int end, List<ExtractedEntity> found) {
    String run = folded.substring(start, end);
    String compact = Fold.compact(run);
    boolean prefixed = compact.startsWith("+86") || compact.startsWith("0086");
    String number = prefixed ? compact.substring(compact.charAt(0) == '+' ? 3 : 4) : compact;
    if (!prefixed && number.length() == 13 && number.startsWith("86") && number.charAt(2) == '1') {
      prefixed = true; // 86-13106695444: the country code without its plus
      number = number.substring(2);
    }
    int n = number.length();
    IdentifierType context = context(folded, start);
    if (MOBILE.matcher(number).matches() || prefixed) {
      add(IdentifierType.PHONE, text, start, end, found);
      if (context == IdentifierType.ACCOUNT) {
        add(IdentifierType.ACCOUNT, text, start, end, found);
      }
      return end;
    }
    if (LANDLINE_OR_SERVICE.matcher(number).matches() && context != IdentifierType.WAYBILL) {
      add(IdentifierType.PHONE, text, start, end, found);
      return end;
    }
    if (n == 18 || (n == 15 && context == IdentifierType.ID_NUMBER)) {
      Optional<Identifier> id = Identifiers.normalise(IdentifierType.ID_NUMBER, number);
      if (id.isPresent() && (id.get().valid() || context == IdentifierType.ID_NUMBER)) {
        found.add(entity(id.get(), text, start, end));
        return end;
      }
    }
    if (number.endsWith("X") || number.endsWith("x")) {
      return end;
    }
    if (context == IdentifierType.LICENCE && n == 12
        || context == IdentifierType.WAYBILL && n <= 15
        || context == IdentifierType.ACCOUNT && n >= 12) {
      add(context, text, start, end, found);
    } else if (n >= 16
        && n <= 19
        && "3456".indexOf(number.charAt(0)) >= 0
        && Checksums.luhn(number)) {
      add(IdentifierType.ACCOUNT, text, start, end, found);
    }
    return end;
  }

  /** The type named by the keyword nearest before {@code start} in the same clause, or null. */
  static IdentifierType context(String folded, int start) {
    int from = Math.max(0, start - CONTEXT_WINDOW);
    for (int i = start - 1; i >= from; i--) {
      if (CLAUSE_END.indexOf(folded.charAt(i)) >= 0) {
        return null;
      }
      IdentifierType t = keywordEndingAt(folded, i + 1);
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  private static IdentifierType keywordEndingAt(String s, int end) {
    if (endsWith(s, end, PHONE_WORDS)) {
      return IdentifierType.PHONE;
    }
    if (endsWith(s, end, ID_WORDS)) {
      return IdentifierType.ID_NUMBER;
    }
    if (endsWith(s, end, LICENCE_WORDS)) {
      return IdentifierType.LICENCE;
    }
    if (endsWith(s, end, ACCOUNT_WORDS)) {
      return IdentifierType.ACCOUNT;
    }
    if (endsWith(s, end, WAYBILL_WORDS)) {
      return IdentifierType.WAYBILL;
    }
    return null;
  }

  private static boolean endsWith(String s, int end, String[] words) {
    for (String w : words) {
      if (end >= w.length() && s.startsWith(w, end - w.length())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Longest spans win; the same span may be both a phone and an account (a phone number used as a
   * payment account), nothing else may overlap.
   */
  private static List<ExtractedEntity> resolveOverlaps(List<ExtractedEntity> found) {
    found.sort(Comparator.comparingInt((ExtractedEntity e) -> e.start() - e.end()));
    List<ExtractedEntity> kept = new ArrayList<>();
    for (ExtractedEntity e : found) {
      boolean clash = false;
      for (ExtractedEntity k : kept) {
        boolean overlap = e.start() < k.end() && k.start() < e.end();
        boolean sameSpan = e.start() == k.start() && e.end() == k.end();
        if (overlap && !(sameSpan && e.type() != k.type())) {
          clash = true;
          break;
        }
      }
      if (!clash) {
        kept.add(e);
      }
    }
    kept.sort(Comparator.comparingInt(ExtractedEntity::start).thenComparing(ExtractedEntity::type));
    return List.copyOf(kept);
  }
}
