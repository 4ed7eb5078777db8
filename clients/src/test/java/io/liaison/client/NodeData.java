package io.liaison.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.Json;
import io.liaison.api.action.Commitment;
import io.liaison.api.action.PlanContent;
import java.util.ArrayList;
import java.util.List;

/** Records the tests against real nodes share through the API (what no client call writes). */
public final class NodeData {
  private NodeData() {}

  /** A case of {@code county} seized with a plate and a phone: two such cases link. */
  public static JsonNode caseBody(
      String number, String county, String foundOn, String narrative, String plate, String phone) {
    ObjectNode c = Json.mapper().createObjectNode();
    c.put("caseNumber", number)
        .put("category", "无证运输")
        .put("foundOn", foundOn)
        .put("filedOn", foundOn)
        .put("valueYuan", "27000")
        .put("disposition", "PENDING")
        .put("narrative", narrative);
    c.putObject("location").put("countyCode", county).put("town", "城关镇").put("address", "城关镇");
    var entities = c.putArray("entities");
    entities.addObject().put("type", "PLATE").put("value", plate);
    entities.addObject().put("type", "PHONE").put("value", phone);
    c.putArray("items").addObject().put("brand", "中华").put("spec", "硬").put("quantity", "60条");
    return c;
  }

  /**
   * {@code p} with what its checklist asks before proposing: a leader and a task per bureau, area,
   * rally point.
   */
  public static PlanContent completed(PlanContent p) {
    List<Commitment> commitments = new ArrayList<>();
    for (Commitment c : p.commitments()) {
      commitments.add(new Commitment(c.bureau(), 1, 2, 1, List.of("带队领导"), List.of("设卡查堵")));
    }
    return new PlanContent(
        p.title(),
        p.kind(),
        p.leadBureau(),
        commitments,
        p.partnerAgencies(),
        p.targets(),
        List.of("兴和县城关镇", "天镇县玉泉镇"),
        "兴和县307国道检查站",
        p.window(),
        p.communications(),
        p.contingency(),
        p.linkedLeads(),
        p.linkedCases(),
        p.linkedNetworks());
  }
}
