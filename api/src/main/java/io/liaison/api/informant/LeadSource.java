package io.liaison.api.informant;

/** Where a lead came from. */
public enum LeadSource {
  /** 举报: a report from the public (12313, letter, visit). */
  REPORT("举报"),
  /** 线人: an informant the bureau works with. */
  INFORMANT("线人"),
  /** 市场检查: found in a market inspection. */
  INSPECTION("市场检查"),
  /** 物流检查: found checking parcels or freight. */
  LOGISTICS("物流检查"),
  /** 其他部门: passed on by another agency (police, market regulation, customs). */
  AGENCY("其他部门");

  private final String label;

  LeadSource(String label) {
    this.label = label;
  }

  /** The Chinese name bureaus use. */
  public String label() {
    return label;
  }
}
