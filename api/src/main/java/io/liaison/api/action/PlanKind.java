package io.liaison.api.action;

/** What kind of joint operation a plan is. */
public enum PlanKind {
  /** 集中整治: a joint clean-up of border markets and channels. */
  CLEAN_UP("集中整治"),
  /** 网络案件行动: an operation against a networked case. */
  NETWORK_CASE("网络案件行动"),
  /** 查堵: checkpoints on roads and at logistics points. */
  CHECKPOINT("联合查堵"),
  /** 市场检查: a joint inspection of retail markets. */
  MARKET_INSPECTION("市场检查");

  private final String label;

  PlanKind(String label) {
    this.label = label;
  }

  /** The Chinese label shown to officers. */
  public String label() {
    return label;
  }
}
