package io.liaison.node.cases;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.Json;

/** Case bodies as an officer's client sends them (quantities in 条, value in 元). */
final class CaseBodies {
  private CaseBodies() {}

  static ObjectNode tree(String number, String plate, String foundOn, String narrative) {
    ObjectNode c = Json.mapper().createObjectNode();
    c.put("caseNumber", number)
        .put("category", "无证运输")
        .put("foundOn", foundOn)
        .put("filedOn", foundOn)
        .put("valueYuan", "13500")
        .put("disposition", "PENDING")
        .put("narrative", narrative);
    c.putObject("location")
        .put("countyCode", "150924")
        .put("town", "城关镇")
        .put("address", "兴和县城关镇307国道检查站");
    var entities = c.putArray("entities");
    if (plate != null) {
      entities.addObject().put("type", "PLATE").put("value", plate);
    }
    entities.addObject().put("type", "BRAND").put("value", "中华");
    c.putArray("items").addObject().put("brand", "中华").put("spec", "硬").put("quantity", "30条");
    return c;
  }

  static String body(String number, String plate, String foundOn, String narrative) {
    return tree(number, plate, foundOn, narrative).toString();
  }
}
