package io.liaison.api.action;

/** What a plan's target is. */
public enum TargetKind {
  PERSON("人员"),
  VEHICLE("车辆"),
  PREMISES("场所"),
  RETAILER("零售户"),
  WAREHOUSE("仓储点"),
  COURIER_POINT("寄递网点");

  private final String label;

  TargetKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
