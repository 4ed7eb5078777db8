package io.liaison.api.price;

/** What a price is for: one pack (盒/包, 20 sticks) or one carton (条, 200 sticks). */
public enum PackUnit {
  PACK,
  CARTON;

  /** 盒/包/PACK → PACK, 条/CARTON → CARTON; null if neither. */
  public static PackUnit parse(String text) {
    if (text == null) {
      return null;
    }
    return switch (text.strip().toUpperCase(java.util.Locale.ROOT)) {
      case "盒", "包", "PACK" -> PACK;
      case "条", "CARTON" -> CARTON;
      default -> null;
    };
  }
}
