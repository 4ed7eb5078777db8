package io.liaison.api.cases.imports;

/** Where an import job stands. */
public enum ImportState {
  /** Reading every row and checking it; nothing stored yet. */
  VALIDATING("校验中"),
  /** Signing, storing and sharing the good rows, a batch at a time. */
  STORING("导入中"),
  /** Every good row is shared. */
  DONE("已完成"),
  /** Bad rows and the officer did not ask for the good rows only: nothing was stored. */
  REFUSED("已拒绝"),
  /** The file could not be read (not a register, not CSV or XLSX): nothing was stored. */
  FAILED("失败");

  private final String label;

  ImportState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether the job has ended. */
  public boolean finished() {
    return this == DONE || this == REFUSED || this == FAILED;
  }
}
