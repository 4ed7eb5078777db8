package io.liaison.api.cases;

/** How a case ended, or that it has not yet. */
public enum Disposition {
  /** 行政处罚: the bureau fined and/or confiscated. */
  ADMINISTRATIVE_PENALTY("行政处罚"),
  /** 移送公安: above the criminal threshold, handed to the police. */
  TRANSFERRED_TO_POLICE("移送公安"),
  /** 移送市场监管: handed to market regulation (e.g. a shop's other unlicensed goods). */
  TRANSFERRED_TO_MARKET_REGULATION("移送市场监管"),
  /** 未结: still open. */
  PENDING("未结");

  private final String label;

  Disposition(String label) {
    this.label = label;
  }

  /** The Chinese label shown to officers. */
  public String label() {
    return label;
  }
}
