package io.liaison.api.reward;

/** What an informant's reward is a fraction of. */
public enum RewardBase {
  /** 罚没款: the fine and confiscations the case brought. */
  FINE("罚没款"),
  /** 案值: the case value. */
  VALUE("案值");

  private final String label;

  RewardBase(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
