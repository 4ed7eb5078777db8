package io.liaison.api.action;

/** Where a joint-operation plan stands. */
public enum PlanState {
  /** 草稿: the lead bureau is writing it. */
  DRAFT,
  /** 已提交: waiting for every participating bureau's chief to sign the current version. */
  PROPOSED,
  /** 已批准: every participating chief signed the same version. */
  APPROVED,
  /** 实施中: under way; daily briefings are recorded. */
  ACTIVE,
  /** 已完成: done; each bureau records its results. */
  COMPLETED,
  /** 已总结: summary, media and lessons recorded. */
  SUMMARIZED,
  /** 已取消: cancelled with a reason. */
  CANCELLED;

  /** Whether the plan still holds its targets, places and time (for deconfliction). */
  public boolean holds() {
    return this == PROPOSED || this == APPROVED || this == ACTIVE;
  }
}
