package io.liaison.api.forms;

/** How a case or lead was disposed of (处理结果). */
public enum Outcome {
  /** 行政处罚. */
  ADMINISTRATIVE_PENALTY,
  /** 移送公安. */
  TRANSFERRED_TO_POLICE,
  /** 移送市场监管. */
  TRANSFERRED_TO_MARKET_REGULATION,
  /** 移交其他烟草专卖局. */
  TRANSFERRED_TO_BUREAU,
  /** 查无实据. */
  UNFOUNDED,
  /** 仍在办理. */
  IN_PROGRESS;

  /** Whether the outcome hands the case to someone who must be named. */
  public boolean isTransfer() {
    return this == TRANSFERRED_TO_POLICE
        || this == TRANSFERRED_TO_MARKET_REGULATION
        || this == TRANSFERRED_TO_BUREAU;
  }
}
