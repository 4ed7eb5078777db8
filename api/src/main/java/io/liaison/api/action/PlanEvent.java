package io.liaison.api.action;

/** A step of a plan's lifecycle; each is one signed envelope of the acting bureau. */
public enum PlanEvent {
  /** The lead bureau writes the first version (draft). */
  CREATE,
  /** The lead bureau changes the plan: a new version; earlier approvals no longer count. */
  REVISE,
  /** The lead bureau asks the participating chiefs to approve the current version. */
  PROPOSE,
  /** A participating bureau's chief signs the current version. */
  APPROVE,
  /** The lead bureau starts the approved operation. */
  ACTIVATE,
  /** A participating bureau records a daily briefing (工作例会). */
  BRIEF,
  /** A participating bureau records its results (its latest record counts). */
  REPORT_RESULT,
  /** The lead bureau ends the operation. */
  COMPLETE,
  /** The lead bureau records the summary (text, media by hash, lessons). */
  SUMMARIZE,
  /** A participating bureau sets a follow-up check (查一补三, within a week). */
  FOLLOW_UP,
  /** A participating bureau records a follow-up check done. */
  FOLLOW_UP_DONE,
  /** The lead bureau cancels the plan, with a reason. */
  CANCEL
}
