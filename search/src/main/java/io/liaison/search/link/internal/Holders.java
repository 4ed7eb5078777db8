package io.liaison.search.link.internal;

import io.liaison.api.cases.Entity;
import io.liaison.api.cases.EntityType;
import io.liaison.search.ident.Fold;
import java.util.ArrayList;
import java.util.List;

/**
 * Whose an identifier is, as the record writes it: the person named right before it in the same
 * sentence (当事人高某某（男，电话156…）, 其上家为高平慧，手机号156…, 同行人员王某（电话181…）) or, for a listed entity, the one
 * listed person of the same role (上家 / 上家电话). Case files often leave the given name out (高某某, 王某):
 * such a holder is kept as the surname and {@code 某}.
 *
 * <p>Two near-miss identifiers (a phone one digit off) whose holders agree — the same surname where
 * one side leaves the given name out — are two independent pieces of evidence about one person; a
 * near miss alone, or holders of different surnames, are not.
 */
final class Holders {
  /** How far after the end of a name its identifier may be written. */
  private static final int DISTANCE = 50;

  private static final String CLAUSE_END = "。;；!！?？\n";

  /**
   * Words that, between a name and a value, say the value is someone else's (当事人王某供述货源来自13…, 与…通话)
   * or start another person.
   */
  private static final String[] ANOTHER = {
    "供述", "来自", "多次与", "通话", "上家", "下家", "从", "向", "交代", "另有", "同行", "联系人", "收件人", "寄件人", "送货",
    "收货", "发货", "执法", "稽查", "网点", "客服"
  };

  /** Characters before a placeholder name (王某, 高某某) that make it one: a cue or a separator. */
  private static final String BEFORE_PLACEHOLDER = "人员主为有从自由述据与和及、，,（(：: \n";

  /**
   * The five surnames each borne by more than 4 % of people (王, 李, 张, 刘, 陈): two strangers share
   * one of them often enough that agreeing on it is weaker evidence.
   */
  static final String TOP_FIVE = "王李张刘陈";

  private Holders() {}

  /** A person written in a narrative: a name or a placeholder ({@code 高某}), and where it ends. */
  record Token(String holder, int start, int end) {}

  /** The persons a narrative names, in order: {@code found} names and placeholders (王某, 高某某). */
  static List<Token> tokens(String text, List<Names.Found> found) {
    List<Token> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (Names.Found f : found) {
      out.add(new Token(f.name(), f.start(), f.start() + f.name().length()));
    }
    for (int i = 1; i < text.length(); i++) {
      if (text.charAt(i) != '某' || Names.SURNAMES.indexOf(text.charAt(i - 1)) < 0) {
        continue;
      }
      int start = i - 1;
      if (start > 0 && BEFORE_PLACEHOLDER.indexOf(text.charAt(start - 1)) < 0) {
        continue; // 检查某超市: a word, not 查某
      }
      int end = i + 1;
      if (end < text.length() && text.charAt(end) == '某') {
        end++;
      }
      out.add(new Token(text.charAt(start) + "某", start, end));
    }
    out.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return out;
  }

  /** The holder of the value written at {@code start} of {@code text}, or null. */
  static String at(String text, List<Token> tokens, int start) {
    Token best = null;
    for (Token t : tokens) {
      if (t.end() <= start && start - t.end() <= DISTANCE) {
        best = t;
      }
    }
    if (best == null) {
      return null;
    }
    String between = text.substring(best.end(), start);
    for (int i = 0; i < between.length(); i++) {
      if (CLAUSE_END.indexOf(between.charAt(i)) >= 0) {
        return null;
      }
    }
    for (String w : ANOTHER) {
      if (between.contains(w)) {
        return null;
      }
    }
    return best.holder();
  }

  /**
   * The holder of a listed identifier: the only listed person whose role is the identifier's role
   * without its last word (上家 for 上家电话, 当事人 for 当事人); null if there is none or more than one.
   */
  static String ofListed(Entity ident, List<Entity> entities) {
    String role = base(ident.role());
    if (role == null) {
      return null;
    }
    String holder = null;
    for (Entity e : entities) {
      if (e.type() == EntityType.PERSON && role.equals(base(e.role()))) {
        if (holder != null) {
          return null;
        }
        holder = person(e.value());
        if (holder == null) {
          return null;
        }
      }
    }
    return holder;
  }

  private static final String[] ROLE_TAILS = {
    "手机号码", "手机号", "手机", "电话号码", "电话", "联系方式", "微信号", "微信", "账户", "账号", "卡号", "银行卡", "车辆", "车牌",
    "号码", "身份证号", "身份证"
  };

  private static String base(String role) {
    if (role == null || role.isBlank()) {
      return null;
    }
    String r = role.strip();
    for (String t : ROLE_TAILS) {
      if (r.endsWith(t) && r.length() > t.length()) {
        return r.substring(0, r.length() - t.length());
      }
    }
    return r;
  }

  /** A listed person as a holder: the normalised name, or the surname and 某 for 高某某; else null. */
  static String person(String raw) {
    String n = Names.normalise(raw);
    if (n != null) {
      return n;
    }
    String f = raw == null ? "" : Fold.fold(raw).strip();
    return f.length() >= 2
            && f.charAt(1) == '某'
            && Names.SURNAMES.indexOf(f.charAt(0)) >= 0
            && f.chars().skip(1).allMatch(c -> c == '某')
        ? f.charAt(0) + "某"
        : null;
  }

  /** Whether a holder leaves the given name out. */
  static boolean masked(String h) {
    return h.endsWith("某");
  }

  /**
   * Whether two holders can be one person and say more than a name match already does: the same
   * surname where at least one of them leaves the given name out (高某 / 高平慧, 王某 / 王某).
   */
  static boolean agree(String a, String b) {
    return a != null
        && b != null
        && (masked(a) || masked(b))
        && a.charAt(0) == b.charAt(0)
        && !(a.length() > 1 && b.length() > 1 && compound(a) != compound(b));
  }

  /** The surname of a holder: 高平慧 → 高, 高某 → 高, 欧阳某 → 欧阳. */
  static String surname(String h) {
    return compound(h) ? h.substring(0, 2) : h.substring(0, 1);
  }

  /**
   * Whether two holders written with values say they are different persons: both written, not the
   * same name, and not agreeing as {@link #agree} reads it (高某 / 高平慧).
   */
  static boolean disagree(String a, String b) {
    return a != null && b != null && !a.equals(b) && !agree(a, b);
  }

  private static boolean compound(String h) {
    for (String c : Names.COMPOUND_SURNAMES) {
      if (h.startsWith(c)) {
        return true;
      }
    }
    return false;
  }
}
