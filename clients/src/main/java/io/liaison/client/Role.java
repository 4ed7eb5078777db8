package io.liaison.client;

/**
 * What an officer is enrolled as; an officer may hold several roles. The node's access policy
 * decides what each role may do (see docs/user-guide.md). A role this client does not know yet is
 * read as null and left out.
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
  /** Auditor: reads what proves integrity, changes nothing. */
  AUDITOR,
  /** 上级局: reads the joint-operation plans and results filed with it, changes nothing. */
  SUPERVISOR
}
