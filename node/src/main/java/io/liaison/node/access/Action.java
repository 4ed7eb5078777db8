package io.liaison.node.access;

/** What a request does, as far as authorisation is concerned. */
public enum Action {
  LEAD_READ,
  LEAD_WRITE,
  EVENTS_READ,
  CASE_READ,
  CASE_WRITE,
  /**
   * Share the deterministic demo cases under this bureau's signature (demo and test set-ups only:
   * every bureau would take them in as real).
   */
  DEMO_SEED,
  SEARCH,
  /** Read joint-operation plans and deconfliction alerts (sealed parts only where taking part). */
  ACTION_READ,
  /** Write plans and their steps (approval additionally needs the CHIEF role). */
  ACTION_WRITE,
  ROSTER_READ,
  /** Keep this bureau's liaison directory current. */
  DIRECTORY_WRITE,
  ROSTER_PUBLISH,
  QUARANTINE_READ,
  AUDIT_READ,
  ACCESS_LOG_READ,
  BACKUP,
  OFFICER_ADMIN,
  METRICS_READ,
  /** Read groups, agreements, checks this bureau may see, and their figures. */
  PRICE_READ,
  /** Keep groups, agreements and settings; plan and record price checks and meetings. */
  PRICE_WRITE,
  /** Read the quarterly exchange: reports, the regional view, report files. */
  REPORT_READ,
  /** Issue this bureau's report and acknowledge neighbours' (signed). */
  REPORT_WRITE,
  /** Read the rules the bureaus agreed (feedback period, major-case value) and proposals. */
  SETTINGS_READ,
  /** Propose a version of the agreed rules or sign this bureau's agreement to one. */
  SETTINGS_AGREE,
  /** Read this bureau's area and the shared records that touch it. */
  AREA_READ,
  /** Sign this bureau's area (places, plate prefixes, region codes). */
  AREA_WRITE,
  /** Read the forms (登记台帐, 调查表, 处理表, 反馈表) of leads and cases, print and export them. */
  FORM_READ,
  /** Fill in a form of a lead or case. */
  FORM_WRITE,
  /** Read the major-case notices on leads (also the supervisor: 及时上报). */
  MAJOR_READ,
  /** Read the register of reports (举报信息台帐) and officers' sealing keys. */
  INFORMANT_READ,
  /**
   * Record a lead's source and informant (sealed), a reward status, make one's own sealing key,
   * open an identity one was chosen for.
   */
  INFORMANT_WRITE,
  /**
   * Read the reward ledger (奖励兑现): the sharing rule, settlement entries, credits and measures, the
   * statement (informants by register line only).
   */
  REWARD_READ,
  /** Propose or sign the sharing rule, sign a settlement this bureau pays (the chief). */
  REWARD_WRITE,
  /** Pay out an informant's reward or decide not to reward (已兑现 / 不予奖励): the chief's. */
  INFORMANT_REWARD,
  /** Any signed-in officer: their own session (who am I, sign out). */
  SELF
}
