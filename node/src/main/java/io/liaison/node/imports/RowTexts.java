package io.liaison.node.imports;

import io.liaison.api.FieldException;
import io.liaison.api.cases.BrandItem;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.Disposition;
import io.liaison.api.cases.Entity;
import io.liaison.api.cases.Fen;
import io.liaison.api.cases.Sticks;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a register import: dispositions as bureaus write them, the record's checks in
 * Chinese, and the narrative of a row that keeps none.
 */
final class RowTexts {
  private RowTexts() {}

  static Disposition disposition(String t) {
    for (Disposition d : Disposition.values()) {
      if (d.name().equalsIgnoreCase(t) || d.label().equals(t)) {
        return d;
      }
    }
    return switch (t) {
      case "罚款", "没收", "行政处罚结案" -> Disposition.ADMINISTRATIVE_PENALTY;
      case "移送公安机关", "移送" -> Disposition.TRANSFERRED_TO_POLICE;
      case "移送市场监管部门", "移送市监" -> Disposition.TRANSFERRED_TO_MARKET_REGULATION;
      case "未结案", "在办", "办理中" -> Disposition.PENDING;
      default -> throw new IllegalArgumentException("应为 行政处罚、移送公安、移送市场监管 或 未结，而不是「" + t + "」");
    };
  }

  /** What the register says, as the case's narrative when it keeps none. */
  static String summary(
      long line,
      CaseCategory k,
      List<Entity> entities,
      List<BrandItem> items,
      Long value,
      String address) {
    StringBuilder b = new StringBuilder("案件登记表导入（第 ").append(line).append(" 行）：").append(k.label());
    for (Entity e : entities) {
      b.append("；")
          .append(
              switch (e.type()) {
                case PERSON -> "当事人";
                case ID_NUMBER -> "身份证号";
                case PHONE -> "电话";
                case PLATE -> "车牌";
                case LICENCE -> "许可证号";
                case WAYBILL -> "运单号";
                case ACCOUNT -> "账号";
                default -> "";
              })
          .append(e.value());
    }
    for (BrandItem i : items) {
      b.append("；").append(i.label()).append(' ');
      b.append(
          i.sticks() % Sticks.PER_CARTON == 0
              ? Sticks.toCartons(i.sticks()) + "条"
              : i.sticks() + "支");
    }
    if (value != null && value > 0) {
      b.append("；案值").append(Fen.toYuan(value).stripTrailingZeros().toPlainString()).append("元");
    }
    if (address != null) {
      b.append("；地点").append(address);
    }
    return b.append("。").toString();
  }

  /** The record's checks, in Chinese. */
  static String chinese(FieldException e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    if (m.startsWith("must not be before foundOn")) {
      return "立案日期不能早于查获日期";
    }
    if (m.startsWith("must not be before filedOn")) {
      return "结案日期不能早于立案日期";
    }
    if (m.startsWith("a pending case has no closing date")) {
      return "未结案件不应有结案日期";
    }
    if (m.startsWith("required once the case is disposed of")) {
      return "已处理的案件须有结案日期";
    }
    if (m.startsWith("only an administrative penalty has a fine")) {
      return "只有行政处罚的案件才有罚款";
    }
    if (m.startsWith("must not be negative")) {
      return "不能为负数";
    }
    if (m.startsWith("must be a six-digit division code")) {
      return "应为六位行政区划代码";
    }
    if (m.startsWith("is required")) {
      return "为必填项";
    }
    if (m.startsWith("must not be blank")) {
      return "不能为空";
    }
    Matcher most = Pattern.compile("must be at most (\\d+) characters").matcher(m);
    if (most.find()) {
      return "最多 " + most.group(1) + " 个字符";
    }
    Matcher entries = Pattern.compile("at most (\\d+) entries").matcher(m);
    if (entries.find()) {
      return "最多 " + entries.group(1) + " 项";
    }
    if (m.startsWith("must not contain control characters")) {
      return "不能含控制字符";
    }
    if (m.startsWith("unknown category")) {
      return "不是已知的案件类别（" + categories() + "）";
    }
    if (m.startsWith("must be positive")) {
      return "应为正数";
    }
    return "取值无效（" + m + "）";
  }

  private static String categories() {
    List<String> l = new ArrayList<>();
    for (CaseCategory k : CaseCategory.values()) {
      l.add(k.label());
    }
    return String.join("、", l);
  }
}
