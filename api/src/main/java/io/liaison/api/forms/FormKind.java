package io.liaison.api.forms;

/** The four forms of a case file (建立规范的案件登记台帐、调查表、处理表、反馈表). */
public enum FormKind {
  /** 案件登记台帐. */
  REGISTRATION("案件登记台帐"),
  /** 调查表. */
  INVESTIGATION("案件调查表"),
  /** 处理表. */
  HANDLING("案件处理表"),
  /** 反馈表. */
  FEEDBACK("线索反馈表");

  private final String title;

  FormKind(String title) {
    this.title = title;
  }

  /** The printed title. */
  public String title() {
    return title;
  }
}
