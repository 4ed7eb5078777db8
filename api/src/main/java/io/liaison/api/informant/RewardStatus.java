package io.liaison.api.informant;

/** Where a report's reward stands (举报有奖). */
public enum RewardStatus {
  /** 未申请. */
  NOT_APPLIED("未申请"),
  /** 已申报. */
  DECLARED("已申报"),
  /** 已兑现. */
  PAID("已兑现"),
  /** 不予奖励. */
  NOT_REWARDED("不予奖励");

  private final String label;

  RewardStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
