package io.liaison.node.imports;

import io.liaison.api.BureauId;
import io.liaison.api.FieldException;
import io.liaison.api.cases.BrandItem;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.CaseNumber;
import io.liaison.api.cases.CaseRecord;
import io.liaison.api.cases.Disposition;
import io.liaison.api.cases.Entity;
import io.liaison.api.cases.EntityType;
import io.liaison.api.cases.Fen;
import io.liaison.api.cases.Location;
import io.liaison.api.cases.Sticks;
import io.liaison.api.cases.imports.ColumnMapping;
import io.liaison.api.cases.imports.ImportDefaults;
import io.liaison.api.cases.imports.ImportField;
import io.liaison.api.cases.imports.ImportMapping;
import io.liaison.api.cases.imports.RowError;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the rows of a bureau's register into cases by the bureau's {@link ImportMapping}: each
 * mapped column's cell is read as its field (dates as a spreadsheet keeps them or written {@code
 * 2026-03-05}, {@code 2026/3/5}, {@code 2026年3月5日}, {@code 20260305}; amounts in 元 or 万元;
 * quantities in the column's unit), and the case record's own checks run over the result. Every
 * error names the row and the column as the sheet shows them, in Chinese. A case without a
 * narrative column gets a summary of its row, so that it is found by what the register says.
 */
final class RowReader {
  private static final Pattern SPLIT = Pattern.compile("[、,，;；\\n]+");
  private static final Pattern DATE =
      Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
  private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
  private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

  /** A row read: the case, or the errors that keep it out (never both). */
  record Result(CaseRecord record, List<RowError> errors) {
    boolean valid() {
      return record != null;
    }
  }

  private final BureauId bureau;
  private final ImportDefaults defaults;
  private final Map<ImportField, List<Integer>> at = new EnumMap<>(ImportField.class);
  private final Map<ImportField, String> headerOf = new EnumMap<>(ImportField.class);

  private RowReader(BureauId bureau, ImportDefaults defaults) {
    this.bureau = bureau;
    this.defaults = defaults;
  }

  /**
   * The reader of a register whose header row is {@code header}; the errors (row 1) when the header
   * lacks a mapped column or names one twice.
   */
  static RowReader of(
      BureauId bureau, ImportMapping mapping, RegisterFile.Row header, List<RowError> errors) {
    RowReader r = new RowReader(bureau, mapping.defaults());
    Map<String, Integer> columns = new LinkedHashMap<>();
    for (int i = 0; i < header.cells().size(); i++) {
      String h = header.cell(i).asText();
      if (h == null) {
        continue;
      }
      h = h.replace("\uFEFF", "").strip();
      if (columns.putIfAbsent(h, i) != null && mapped(mapping, h)) {
        errors.add(new RowError(header.line(), h, "表头中「" + h + "」列出现了两次"));
      }
    }
    for (ColumnMapping c : mapping.columns()) {
      Integer i = columns.get(c.column());
      if (i == null) {
        errors.add(
            new RowError(
                header.line(),
                c.column(),
                "表头缺少「" + c.column() + "」列（列对应关系中它是" + c.field().label() + "）"));
        continue;
      }
      if (c.field() == ImportField.IGNORE) {
        continue;
      }
      r.at.computeIfAbsent(c.field(), f -> new ArrayList<>()).add(i);
      r.headerOf.putIfAbsent(c.field(), c.column());
    }
    return r;
  }

  private static boolean mapped(ImportMapping m, String header) {
    return m.columns().stream().anyMatch(c -> c.column().equals(header));
  }

  /** The case number of {@code row} as written, or null (for duplicate checks before parsing). */
  String caseNumber(RegisterFile.Row row) {
    return row.cell(at.get(ImportField.CASE_NUMBER).get(0)).asText();
  }

  Result read(RegisterFile.Row row) {
    Cells c = new Cells(row);
    CaseNumber number = c.parse(ImportField.CASE_NUMBER, true, CaseNumber::of);
    LocalDate filed = c.date(ImportField.FILED_ON, true);
    LocalDate found = c.date(ImportField.FOUND_ON, false);
    LocalDate closed = c.date(ImportField.CLOSED_ON, false);
    CaseCategory category = c.parse(ImportField.CATEGORY, false, CaseCategory::of);
    Disposition disposition = c.parse(ImportField.DISPOSITION, false, RowReader::disposition);
    String county = c.text(ImportField.COUNTY_CODE);
    String town = c.text(ImportField.TOWN);
    String address = c.text(ImportField.ADDRESS);
    Long value = c.amount(ImportField.VALUE_YUAN, ImportField.VALUE_WAN_YUAN);
    Long fine = c.amount(ImportField.FINE_YUAN, ImportField.FINE_WAN_YUAN);
    List<Entity> entities = new ArrayList<>();
    c.entities(ImportField.PERSON, EntityType.PERSON, "当事人", entities);
    c.entities(ImportField.ID_NUMBER, EntityType.ID_NUMBER, null, entities);
    c.entities(ImportField.PHONE, EntityType.PHONE, null, entities);
    c.entities(ImportField.PLATE, EntityType.PLATE, null, entities);
    c.entities(ImportField.LICENCE, EntityType.LICENCE, null, entities);
    c.entities(ImportField.WAYBILL, EntityType.WAYBILL, null, entities);
    c.entities(ImportField.ACCOUNT, EntityType.ACCOUNT, null, entities);
    List<BrandItem> items = c.items(entities);
    String narrative = c.text(ImportField.NARRATIVE);
    if (!c.errors.isEmpty()) {
      return new Result(null, c.errors);
    }
    Location location;
    try {
      location =
          Location.of(
              county != null
                  ? county
                  : defaults.countyCode() != null ? defaults.countyCode() : bureau.code(),
              town,
              address != null
                  ? address
                  : defaults.address() != null ? defaults.address() : ImportDefaults.NO_ADDRESS);
    } catch (FieldException e) {
      c.error(
          e.getMessage().contains("division") ? ImportField.COUNTY_CODE : ImportField.ADDRESS,
          chinese(e));
      return new Result(null, c.errors);
    }
    Disposition d =
        disposition != null
            ? disposition
            : defaults.disposition() != null ? defaults.disposition() : Disposition.PENDING;
    CaseCategory k =
        category != null
            ? category
            : defaults.category() != null ? defaults.category() : CaseCategory.OTHER;
    String text =
        narrative != null ? narrative : summary(row.line(), k, entities, items, value, address);
    FieldException.Collected<CaseRecord> built =
        FieldException.collecting(
            () ->
                new CaseRecord(
                    number,
                    bureau,
                    k,
                    found != null ? found : filed,
                    filed,
                    closed,
                    location,
                    entities,
                    items,
                    value == null ? 0 : value,
                    d,
                    fine == null ? 0 : fine,
                    List.of(),
                    text,
                    1,
                    0,
                    0,
                    0L));
    if (built.valid()) {
      return new Result(built.value(), List.of());
    }
    for (FieldException e : built.errors()) {
      c.error(fieldOf(e.field()), chinese(e));
    }
    if (built.failure() != null && built.errors().isEmpty()) {
      c.errors.add(new RowError(row.line(), "", "此行无法成为案件：" + built.failure().getMessage()));
    }
    return new Result(null, c.errors);
  }

  private static Disposition disposition(String t) {
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
  private static String summary(
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

  private ImportField fieldOf(String recordField) {
    return switch (recordField) {
      case "caseNumber" -> ImportField.CASE_NUMBER;
      case "foundOn" ->
          headerOf.containsKey(ImportField.FOUND_ON) ? ImportField.FOUND_ON : ImportField.FILED_ON;
      case "filedOn" -> ImportField.FILED_ON;
      case "closedOn" ->
          headerOf.containsKey(ImportField.CLOSED_ON)
              ? ImportField.CLOSED_ON
              : ImportField.DISPOSITION;
      case "valueFen" ->
          headerOf.containsKey(ImportField.VALUE_YUAN)
              ? ImportField.VALUE_YUAN
              : ImportField.VALUE_WAN_YUAN;
      case "fineFen" ->
          headerOf.containsKey(ImportField.FINE_YUAN)
              ? ImportField.FINE_YUAN
              : ImportField.FINE_WAN_YUAN;
      case "disposition" -> ImportField.DISPOSITION;
      case "narrative" -> ImportField.NARRATIVE;
      case "entities" -> ImportField.PERSON;
      case "items" -> ImportField.BRAND;
      default -> null;
    };
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

  /** Reads the cells of one row, recording what is wrong instead of throwing. */
  private final class Cells {
    final RegisterFile.Row row;
    final List<RowError> errors = new ArrayList<>(0);

    Cells(RegisterFile.Row row) {
      this.row = row;
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
        error(f, chinese(e));
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

    /** Fen from the 元 column or the 万元 column, whichever is mapped (null when blank). */
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
                .replace("万元", "")
                .replace("元", "")
                .replace("￥", "")
                .replace("¥", "")
                .strip();
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
            error(f, chinese(e));
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
        Long sticks = sticks(qf, qs[i].strip());
        if (sticks == null) {
          continue;
        }
        String brand = bs[i].strip();
        String sp = spec;
        Matcher m = Pattern.compile("(.+?)[（(](.+)[)）]").matcher(brand);
        if (sp == null && m.matches()) {
          brand = m.group(1).strip();
          sp = m.group(2).strip();
        }
        try {
          items.add(BrandItem.of(brand, sp, sticks));
        } catch (FieldException e) {
          error(ImportField.BRAND, chinese(e));
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

  /** For logs: the mapped fields. */
  @Override
  public String toString() {
    return "RowReader" + headerOf.keySet().toString().toLowerCase(Locale.ROOT);
  }
}
