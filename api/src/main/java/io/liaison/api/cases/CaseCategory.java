package io.liaison.api.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.liaison.api.FieldException;
import java.util.Locale;

/**
 * What a case is about. The JSON value is the constant name; {@link #of} also accepts the Chinese
 * label officers use ({@code 无证运输}, {@code 涉假}, ...).
 */
public enum CaseCategory {
  UNLICENSED_TRANSPORT("无证运输"),
  OFF_CHANNEL_PURCHASE("非渠道进货"),
  /** 无证经营: retail without a licence (records before 无证批发 had its own kind may hold both). */
  UNLICENSED_TRADE("无证经营"),
  /** 无证批发: wholesale without a licence, counted apart from retail in the quarterly figures. */
  UNLICENSED_WHOLESALE("无证批发"),
  COUNTERFEIT("涉假"),
  SMUGGLING("走私"),
  ONLINE_PARCEL("互联网+物流寄递"),
  OTHER("其他");

  private final String label;

  CaseCategory(String label) {
    this.label = label;
  }

  /** The Chinese label shown to officers. */
  public String label() {
    return label;
  }

  /**
   * The category named by its constant (any case) or its Chinese label; each half of a combined
   * label also works ({@code 互联网}, {@code 物流寄递}).
   *
   * @throws FieldException when nothing matches
   */
  @JsonCreator
  public static CaseCategory of(String text) {
    FieldException.required(text, "category");
    String t = text.strip();
    for (CaseCategory c : values()) {
      if (c.name().equals(t.toUpperCase(Locale.ROOT)) || c.label.equals(t)) {
        return c;
      }
    }
    for (CaseCategory c : values()) {
      for (String part : c.label.split("[/+]")) {
        if (part.equals(t)) {
          return c;
        }
      }
    }
    throw new FieldException("category", "unknown category: " + t);
  }
}
