package io.liaison.api.reward;

/** What a settlement entry pays. */
public enum RewardKind {
  /** 举报奖励: to an informant, named by the register line (lead id) only. */
  INFORMANT("举报奖励"),
  /** 线索方分成: to the bureau whose lead produced the case. */
  LEAD_BUREAU("线索方分成"),
  /** 办案方奖励: to the bureau that made the case. */
  CASE_BUREAU("办案方奖励");

  private final String label;

  RewardKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
