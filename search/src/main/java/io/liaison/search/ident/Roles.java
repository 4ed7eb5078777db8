package io.liaison.search.ident;

/**
 * Reads whose a value is from the words around it in a narrative (see {@link ValueRole}): the
 * nearest role word before it in the same sentence decides (执法证号 → officer; 网点, 驿站, 客服热线 → outlet;
 * 上家, 货源 → supplier; 当事人, 驾驶员, 收件人… → party), and a plate written with a hired-vehicle word next to
 * it (冀G·F93178号货拉拉面包车), or in a sentence about a hired vehicle, is a hired vehicle's.
 */
public final class Roles {
  private static final int WINDOW = 40;
  private static final String SENTENCE_END = "。;；!！?？\n";

  private static final String[] OFFICER_WORDS = {"执法证号", "执法证件号", "执法证", "检查证号", "稽查证号"};

  /**
   * How close an officer's or an outlet's word must be before the value (网点（电话…）, 执法证号…): further
   * away it names where the officers were (在…快递驿站检查时), not whose the number is.
   */
  private static final int NEAR = 10;

  private static final String[] OUTLET_WORDS = {
    "网点", "驿站", "营业部", "服务点", "服务站", "代收点", "分拣中心", "客服", "热线", "服务电话", "投诉电话", "举报电话", "快递公司",
    "物流公司", "总机"
  };
  private static final String[] PARTY_WORDS = {
    "当事人", "嫌疑人", "上家", "下家", "驾驶员", "驾驶人", "司机", "寄件人", "收件人", "收货人", "发货人", "货主", "车主",
    "同行", "关联人员", "联系人", "买家", "卖家", "送货人", "供述", "多次与", "通话", "经营者", "负责人", "店主", "老板",
    "微信", "支付宝", "银行", "账户", "账号", "卡号", "运单", "单号", "许可证", "身份证", "其上家", "男子", "女子"
  };

  /** Party words that say the value is the supplier's (其上家为…，手机号…; 货源来自…，联系方式…). */
  private static final String[] SUPPLIER_WORDS = {"上家", "货源", "供货人", "供货方"};

  private static final String[] HIRED_WORDS = {"货拉拉", "出租车", "网约", "的士", "滴滴", "快狗打车", "运满满"};

  /** The last characters of every word above. */
  private static final String LAST_CHARS = lastChars();

  private static String lastChars() {
    StringBuilder b = new StringBuilder();
    for (String[] words :
        new String[][] {OFFICER_WORDS, OUTLET_WORDS, SUPPLIER_WORDS, PARTY_WORDS, HIRED_WORDS}) {
      for (String w : words) {
        if (b.indexOf(w.substring(w.length() - 1)) < 0) {
          b.append(w.charAt(w.length() - 1));
        }
      }
    }
    return b.toString();
  }

  private Roles() {}

  /**
   * The role of the value written at {@code start..end} of {@code text} (folded or not: the words
   * are Chinese). {@code plate} says whether the value is a vehicle plate.
   */
  public static ValueRole at(String text, int start, int end, boolean plate) {
    int from = Math.max(0, start - WINDOW);
    ValueRole before = null;
    for (int i = start; i > from && before == null; i--) {
      if (i < start && SENTENCE_END.indexOf(text.charAt(i)) >= 0) {
        break;
      }
      boolean near = start - i <= NEAR;
      if (near && endsWithAny(text, i, OFFICER_WORDS)) {
        before = ValueRole.OFFICER;
      } else if (near && endsWithAny(text, i, OUTLET_WORDS)) {
        before = ValueRole.OUTLET;
      } else if (endsWithAny(text, i, SUPPLIER_WORDS)) {
        before = ValueRole.SUPPLIER;
      } else if (endsWithAny(text, i, PARTY_WORDS)) {
        before = ValueRole.PARTY;
      }
    }
    if (before == ValueRole.OFFICER || before == ValueRole.OUTLET) {
      return before;
    }
    if (plate && (hiredAfter(text, end) || hiredSentence(text, start, end))) {
      return ValueRole.HIRED;
    }
    return before == ValueRole.SUPPLIER ? ValueRole.SUPPLIER : ValueRole.PARTY;
  }

  /** Whether {@code text} speaks of a hired vehicle anywhere (货拉拉, 出租车…). */
  public static boolean mentionsHired(String text) {
    return text != null && ValueRole.containsAny(text, HIRED_WORDS);
  }

  private static boolean hiredAfter(String text, int end) {
    int to = Math.min(text.length(), end + 6);
    return ValueRole.containsAny(text.substring(end, to), HIRED_WORDS);
  }

  private static boolean hiredSentence(String text, int start, int end) {
    int a = start;
    while (a > 0 && SENTENCE_END.indexOf(text.charAt(a - 1)) < 0) {
      a--;
    }
    int b = end;
    while (b < text.length() && SENTENCE_END.indexOf(text.charAt(b)) < 0) {
      b++;
    }
    return ValueRole.containsAny(text.substring(a, b), HIRED_WORDS);
  }

  private static boolean endsWithAny(String s, int end, String[] words) {
    if (end == 0 || LAST_CHARS.indexOf(s.charAt(end - 1)) < 0) {
      return false; // no role word ends with this character: most positions of a narrative
    }
    for (String w : words) {
      if (end >= w.length() && s.startsWith(w, end - w.length())) {
        return true;
      }
    }
    return false;
  }
}
