package io.liaison.api.cases.imports;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.liaison.api.FieldException;
import java.util.Locale;

/**
 * What a column of a bureau's case register holds: a field of the case, an entity named in it, or a
 * quantity or amount in the unit the column is kept in. Named by the constant or its Chinese label.
 */
public enum ImportField {
  CASE_NUMBER("案件编号"),
  CATEGORY("案件类别"),
  FOUND_ON("查获日期"),
  FILED_ON("立案日期"),
  CLOSED_ON("结案日期"),
  DISPOSITION("处理结果"),
  COUNTY_CODE("区划代码"),
  TOWN("乡镇"),
  ADDRESS("地点"),
  /** 当事人: one or more names (separated by 、 , ; or spaces). */
  PERSON("当事人"),
  ID_NUMBER("身份证号"),
  PHONE("电话"),
  PLATE("车牌"),
  LICENCE("许可证号"),
  WAYBILL("运单号"),
  ACCOUNT("账号"),
  BRAND("品牌"),
  SPEC("规格"),
  /** A quantity with its unit in the cell ({@code 30条}, {@code 2件}); a bare number is sticks. */
  QUANTITY("数量"),
  QUANTITY_CARTONS("数量(条)"),
  QUANTITY_CASES("数量(件)"),
  QUANTITY_WAN_STICKS("数量(万支)"),
  VALUE_YUAN("案值(元)"),
  VALUE_WAN_YUAN("案值(万元)"),
  FINE_YUAN("罚款(元)"),
  FINE_WAN_YUAN("罚款(万元)"),
  NARRATIVE("案情"),
  /** A column the import reads past. */
  IGNORE("不导入");

  private final String label;

  ImportField(String label) {
    this.label = label;
  }

  /** The Chinese label shown to officers. */
  public String label() {
    return label;
  }

  /** The field named by its constant (any case) or its Chinese label. */
  @JsonCreator
  public static ImportField of(String text) {
    FieldException.required(text, "field");
    String t = text.strip();
    for (ImportField f : values()) {
      if (f.name().equals(t.toUpperCase(Locale.ROOT)) || f.label.equals(t)) {
        return f;
      }
    }
    throw new FieldException("field", "unknown field: " + t);
  }
}
