package io.liaison.api.access;

/**
 * What an officer of a bureau is enrolled as; an officer may hold several roles. The node's access
 * policy decides what each role may do (see docs/user-guide.md). The client reads a role it does
 * not know yet as null and leaves it out.
 */
public enum Role {
  /** 信息联络员: posts, claims, hands over and gives feedback on leads. */
  LIAISON,
  /** Investigator: searches the shared history, works cases and leads. */
  INVESTIGATOR,
  /** Bureau chief: approves plans, merges and reports; works leads. */
  CHIEF,
  /** 价格互查: records and reads price checks. */
  PRICE_CHECKER,
  /** Bureau administrator: officers, keys, roster, backups. */
  ADMIN,
  /** Auditor / upper-level bureau: reads everything that proves integrity, changes nothing. */
  AUDITOR,
  /**
   * 上级局 (city bureau): reads the joint-operation plans, results and meetings of the bureau whose
   * node it is enrolled on — what that bureau files upward (上报) — and changes nothing.
   */
  SUPERVISOR
}
