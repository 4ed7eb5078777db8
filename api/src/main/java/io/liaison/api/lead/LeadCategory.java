package io.liaison.api.lead;

/** What a lead is about; the Chinese label is what officers see. */
public enum LeadCategory {
  UNLICENSED_TRANSPORT("无证运输"),
  OFF_CHANNEL_PURCHASE("非渠道进货"),
  UNLICENSED_TRADE("无证经营/无证批发"),
  COUNTERFEIT("涉假"),
  SMUGGLING("走私"),
  ONLINE_PARCEL("互联网+物流寄递"),
  OTHER("其他");

  private final String label;

  LeadCategory(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
