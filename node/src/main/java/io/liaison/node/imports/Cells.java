package io.liaison.node.imports;

import io.liaison.api.FieldException;
import io.liaison.api.cases.BrandItem;
import io.liaison.api.cases.Entity;
import io.liaison.api.cases.EntityType;
import io.liaison.api.cases.Fen;
import io.liaison.api.cases.Sticks;
import io.liaison.api.cases.imports.ImportField;
import io.liaison.api.cases.imports.RowError;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the cells of one row as the fields they are mapped to, recording what is wrong (with the
 * row and the column) instead of throwing.
 */
final class Cells {
  private static final Pattern SPLIT = Pattern.compile("[、,，;；\\n]+");
  private static final Pattern DATE =
      Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
  private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
  private static final Pattern BRAND_SPEC = Pattern.compile("(.+?)[（(](.+)[)）]");

  /** An amount with its unit after it: the number, then 元, 万元 or 万. */
  private static final Pattern AMOUNT_UNIT = Pattern.compile("(.*?)(万元|万|元)");

  private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

  final RegisterFile.Row row;
  final List<RowError> errors = new ArrayList<>(0);

  private final Map<ImportField, List<Integer>> at;
  private final Map<ImportField, String> headerOf;

  /** The cells of {@code row}: each field at the columns {@code at}, headed {@code headerOf}. */
  Cells(
      RegisterFile.Row row, Map<ImportField, List<Integer>> at, Map<ImportField, String> headerOf) {
    this.row = row;
    this.at = at;
    this.headerOf = headerOf;
  }

  void error(ImportField f, String message) {
    String column = f == null ? "" : headerOf.getOrDefault(f, "");
    String where = column.isEmpty() && f != null ? f.label() : "";
    errors.add(new RowError(row.line(), column, where.isEmpty() ? message : where + message));
  }

  RegisterFile.Value cell(ImportField f) {
    List<Integer> is = at.get(f);
    return is == null ? RegisterFile.Value.BLANK : row.cell(is.get(0));
  }

  String text(ImportField f) {
    return cell(f).asText();
  }

  <T> T parse(ImportField f, boolean required, Function<String, T> p) {
    String t = text(f);
    if (t == null) {
      if (required) {
        error(f, "为必填项，此行为空");
      }
      return null;
    }
    try {
      return p.apply(t);
    } catch (FieldException e) {
      error(f, RowTexts.chinese(e));
    } catch (IllegalArgumentException e) {
      error(f, e.getMessage());
    }
    return null;
  }

  LocalDate date(ImportField f, boolean required) {
    RegisterFile.Value v = cell(f);
    if (v.date() != null) {
      return v.date().toLocalDate();
    }
    if (v.number() != null
        && v.number().compareTo(BigDecimal.valueOf(20_000)) > 0
        && v.number().compareTo(BigDecimal.valueOf(80_000)) < 0) {
      // an Excel date serial (days since 1899-12-30) in a cell without a date format
      return LocalDate.of(1899, 12, 30).plusDays(v.number().longValue());
    }
    return parse(
        f,
        required,
        t -> {
          Matcher m = DATE.matcher(t);
          Matcher n = COMPACT_DATE.matcher(t);
          try {
            if (m.matches()) {
              return LocalDate.of(
                  Integer.parseInt(m.group(1)),
                  Integer.parseInt(m.group(2)),
                  Integer.parseInt(m.group(3)));
            }
            if (n.matches()) {
              return LocalDate.of(
                  Integer.parseInt(n.group(1)),
                  Integer.parseInt(n.group(2)),
                  Integer.parseInt(n.group(3)));
            }
          } catch (DateTimeException e) {
            throw new IllegalArgumentException("「" + t + "」不是有效的日期");
          }
          throw new IllegalArgumentException(
              "应为日期，如 2026-03-05、2026/3/5 或 2026年3月5日，而不是「" + t + "」");
        });
  }

  /**
   * Fen from the 元 column or the 万元 column, whichever is mapped (null when blank); a unit written
   * after the number in the cell wins over the column's, two units in one cell are an error.
   */
  Long amount(ImportField yuan, ImportField wan) {
    ImportField f = at.containsKey(yuan) ? yuan : wan;
    RegisterFile.Value v = cell(f);
    BigDecimal factor = f == wan ? TEN_THOUSAND : BigDecimal.ONE;
    BigDecimal n = v.number();
    if (n == null) {
      String t = v.asText();
      if (t == null) {
        return null;
      }
      String clean =
          t.replace(",", "")
              .replace("，", "")
              .replace("￥", "")
              .replace("¥", "")
              .replace(" ", "")
              .strip();
      // a unit written in the cell is the one meant, whatever the column's: "3万元" in the 元
      // column is 30 000 元, "30元" in the 万元 column is 30 元
      Matcher unit = AMOUNT_UNIT.matcher(clean);
      if (unit.matches()) {
        clean = unit.group(1);
        factor = unit.group(2).startsWith("万") ? TEN_THOUSAND : BigDecimal.ONE;
      }
      if (clean.contains("元") || clean.contains("万")) {
        error(f, "金额「" + t + "」的单位前后矛盾：只写一个单位（元或万元），写在数字后面");
        return null;
      }
      try {
        n = new BigDecimal(clean);
      } catch (NumberFormatException e) {
        error(f, "应为金额（" + (f == wan ? "万元" : "元") + "），而不是「" + t + "」");
        return null;
      }
    }
    if (n.signum() < 0) {
      error(f, "不能为负数");
      return null;
    }
    try {
      return Fen.ofYuan(n.multiply(factor));
    } catch (FieldException e) {
      error(f, "金额最多精确到分，而不是「" + n.toPlainString() + "」");
      return null;
    }
  }

  void entities(ImportField f, EntityType type, String role, List<Entity> into) {
    List<Integer> is = at.get(f);
    if (is == null) {
      return;
    }
    for (int i : is) {
      String t = row.cell(i).asText();
      if (t == null) {
        continue;
      }
      for (String part : SPLIT.split(t)) {
        String v = part.strip();
        if (v.isEmpty()) {
          continue;
        }
        try {
          into.add(new Entity(type, v, role));
        } catch (FieldException e) {
          error(f, RowTexts.chinese(e));
        }
      }
    }
  }

  /** The seized items: brand (and spec) with a quantity, each list split alike. */
  List<BrandItem> items(List<Entity> entities) {
    String brands = text(ImportField.BRAND);
    String spec = text(ImportField.SPEC);
    ImportField qf = null;
    for (ImportField f :
        List.of(
            ImportField.QUANTITY,
            ImportField.QUANTITY_CARTONS,
            ImportField.QUANTITY_CASES,
            ImportField.QUANTITY_WAN_STICKS)) {
      if (at.containsKey(f)) {
        qf = f;
        break;
      }
    }
    String quantities = qf == null ? null : text(qf);
    if (brands == null) {
      if (quantities != null) {
        error(ImportField.BRAND, "有数量但没有品牌");
      }
      return List.of();
    }
    String[] bs = SPLIT.split(brands);
    if (quantities == null) {
      for (String b : bs) {
        if (!b.isBlank()) {
          entities.add(new Entity(EntityType.BRAND, b.strip()));
        }
      }
      return List.of();
    }
    String[] qs = SPLIT.split(quantities);
    if (qs.length != bs.length) {
      error(qf, "品牌有 " + bs.length + " 个，数量有 " + qs.length + " 个，无法一一对应");
      return List.of();
    }
    List<BrandItem> items = new ArrayList<>();
    for (int i = 0; i < bs.length; i++) {
      String brand = bs[i].strip();
      String quantity = qs[i].strip();
      if (brand.isEmpty() || quantity.isEmpty()) {
        // "，30" or "30， ，20": a piece left empty cannot be paired with its brand or quantity
        error(brand.isEmpty() ? ImportField.BRAND : qf, "第 " + (i + 1) + " 项为空：品牌和数量须一一对应");
        continue;
      }
      Long sticks = sticks(qf, quantity);
      if (sticks == null) {
        continue;
      }
      String sp = spec;
      Matcher m = BRAND_SPEC.matcher(brand);
      if (sp == null && m.matches()) {
        brand = m.group(1).strip();
        sp = m.group(2).strip();
      }
      try {
        items.add(BrandItem.of(brand, sp, sticks));
      } catch (FieldException e) {
        error(ImportField.BRAND, RowTexts.chinese(e));
      }
    }
    return items;
  }

  private Long sticks(ImportField qf, String t) {
    String unit =
        switch (qf) {
          case QUANTITY_CARTONS -> "条";
          case QUANTITY_CASES -> "件";
          case QUANTITY_WAN_STICKS -> "万支";
          default -> "";
        };
    String text = unit.isEmpty() || !Character.isDigit(t.charAt(t.length() - 1)) ? t : t + unit;
    try {
      return Sticks.parse(text);
    } catch (FieldException e) {
      String m = e.getMessage();
      error(
          qf,
          m.startsWith("not a whole number")
              ? "「" + t + "」不是整数支"
              : m.startsWith("must be positive") ? "应为正数" : "应为数量，如 30条、2件，而不是「" + t + "」");
      return null;
    } catch (DateTimeParseException | ArithmeticException e) {
      error(qf, "「" + t + "」不是数量");
      return null;
    }
  }
}
