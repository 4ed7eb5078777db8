package io.liaison.api.lead;

/** Where a lead is in its life. {@code CLOSED}, {@code WITHDRAWN} and {@code EXPIRED} are final. */
public enum LeadState {
  POSTED("待认领"),
  CLAIMED("已认领"),
  INVESTIGATING("核查中"),
  HANDOVER_OFFERED("移交待接收"),
  CLOSED("已办结"),
  WITHDRAWN("已撤回"),
  EXPIRED("已过期");

  private final String label;

  LeadState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean isFinal() {
    return this == CLOSED || this == WITHDRAWN || this == EXPIRED;
  }
}
