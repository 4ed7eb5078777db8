package io.liaison.search.ident;

/**
 * Whose a value written in a case is, as far as linking cares. Only a party's ({@link #PARTY},
 * {@link #SUPPLIER}) identifier says two cases are about the same people; the others recur in
 * unrelated cases for innocent reasons and are read so that they never link on their own.
 */
public enum ValueRole {
  /** Someone the case is about: 当事人, 上家, 驾驶员, 寄件人, 收件人, 同行人员… (the default). */
  PARTY,
  /** An enforcement officer: names and 执法证号 written into the narrative. Never evidence. */
  OFFICER,
  /** A courier outlet, a hotline, a service desk: their landlines and numbers. Never evidence. */
  OUTLET,
  /**
   * A hired vehicle (货拉拉, 出租车, 网约车…): its plate turns up in unrelated transport cases, so it only
   * corroborates other evidence.
   */
  HIRED,
  /**
   * A party who supplies the goods (上家, 货源, 供货人): full evidence like {@link #PARTY}. A network's
   * supplier is the one person its cases have in common, so two records that both write a value one
   * character off as the supplier's agree on whose it is (see docs/linking.md, "Holders").
   */
  SUPPLIER;

  /** Words of a listed entity's role that name an officer's value. */
  private static final String[] OFFICER_ROLES = {"执法", "稽查", "检查人员", "办案人员", "officer"};

  /** Words of a listed entity's role that name an outlet's or a hotline's value. */
  private static final String[] OUTLET_ROLES = {
    "网点", "驿站", "客服", "热线", "服务点", "营业部", "outlet", "hotline"
  };

  /** Words of a listed entity's role that name the supplier of the goods. */
  private static final String[] SUPPLIER_ROLES = {"上家", "货源", "供货", "supplier"};

  /** Words of a listed entity's role that name a hired vehicle or its hire. */
  private static final String[] HIRED_ROLES = {"货拉拉", "出租", "网约", "hired", "taxi"};

  /**
   * The role a listed entity's {@code role} text (当事人, 执法人员, 快递网点, 货拉拉车辆…; free text) gives its
   * value; {@link #PARTY} when it names none of the others or is absent.
   */
  public static ValueRole ofRoleText(String role) {
    if (role == null || role.isBlank()) {
      return PARTY;
    }
    String r = role.strip().toLowerCase(java.util.Locale.ROOT);
    if (containsAny(r, OFFICER_ROLES)) {
      return OFFICER;
    }
    if (containsAny(r, OUTLET_ROLES)) {
      return OUTLET;
    }
    if (containsAny(r, HIRED_ROLES)) {
      return HIRED;
    }
    return containsAny(r, SUPPLIER_ROLES) ? SUPPLIER : PARTY;
  }

  /** Whether a value of this role may be evidence at all. */
  public boolean evidence() {
    return this == PARTY || this == SUPPLIER || this == HIRED;
  }

  static boolean containsAny(String s, String[] words) {
    for (String w : words) {
      if (s.contains(w)) {
        return true;
      }
    }
    return false;
  }
}
