package io.liaison.node.price;

import io.liaison.api.FieldException;
import io.liaison.api.cases.Fen;
import io.liaison.api.price.ObservedItem;
import io.liaison.api.price.PackUnit;
import io.liaison.api.price.Product;
import io.liaison.api.price.Retailer;
import io.liaison.api.price.RetailerVisit;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads the price-check sheets bureaus keep (CSV in UTF-8, or XLSX: the first sheet), one observed
 * item a row, with Chinese headers in any order:
 *
 * <pre>
 * 许可证号 | 检查时间 | 地点 | 品牌规格 | 单位 | 标价 | 实际售价 | 照片 | 备注
 * </pre>
 *
 * 检查时间 is a local time in Asia/Shanghai ({@code 2026-10-03 14:30}, or an Excel date); 单位 is 盒/包 or
 * 条; prices are 元 with at most two decimals; 照片 lists SHA-256 hashes separated by {@code ;}. Rows
 * of one retailer at one time form one visit. Every bad row is reported with its row number (the
 * header is row 1) and column; a sheet with any bad row yields no visits.
 *
 * <p>Why over 400 lines: one reader for both sheet formats (CSV and XLSX) whose rows go through the
 * same column checks, each bad cell named with row and column.
 */
public final class CheckSheet {
  public static final String CSV = "text/csv";
  public static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  public static final int MAX_ROWS = 50_000;

  enum Column {
    LICENCE("许可证号", true, "零售许可证号", "许可证"),
    TIME("检查时间", true, "时间"),
    LOCATION("地点", false, "检查地点"),
    PRODUCT("品牌规格", true, "品牌"),
    UNIT("单位", true),
    MARKED("标价", true, "明码标价"),
    SALE("实际售价", true, "售价", "实售价"),
    PHOTOS("照片", false, "照片哈希"),
    REMARKS("备注", false);

    final String header;
    final boolean required;
    final List<String> aliases;

    Column(String header, boolean required, String... aliases) {
      this.header = header;
      this.required = required;
      this.aliases = List.of(aliases);
    }
  }

  /** One bad cell: the sheet row (header = 1), the column's header, what is wrong. */
  public record RowError(int row, String column, String message) {}

  /** The visits of a good sheet, or the errors of a bad one (then no visits). */
  public record Parsed(int rows, int items, List<RetailerVisit> visits, List<RowError> errors) {}

  private static final DateTimeFormatter TIME =
      new DateTimeFormatterBuilder()
          .appendPattern("uuuu-M-d")
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .optionalStart()
          .appendPattern("H:mm")
          .optionalStart()
          .appendPattern(":ss")
          .optionalEnd()
          .optionalEnd()
          .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
          .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
          .toFormatter(Locale.ROOT);

  private CheckSheet() {}

  /** A cell as read: its text, or (XLSX) a date or an exact number. */
  record Value(String text, LocalDateTime date, BigDecimal number) {
    boolean blank() {
      return date == null && number == null && (text == null || text.isBlank());
    }
  }

  public static Parsed read(String contentType, byte[] body) throws IOException {
    List<List<Value>> rows =
        contentType.toLowerCase(Locale.ROOT).startsWith(XLSX) ? xlsx(body) : csv(body);
    return parse(rows);
  }

  static Parsed parse(List<List<Value>> rows) {
    List<RowError> errors = new ArrayList<>();
    if (rows.isEmpty()) {
      errors.add(new RowError(1, "", "the sheet is empty"));
      return new Parsed(0, 0, List.of(), errors);
    }
    Map<Column, Integer> at = header(rows.get(0), errors);
    if (!errors.isEmpty()) {
      return new Parsed(0, 0, List.of(), errors);
    }
    if (rows.size() - 1 > MAX_ROWS) {
      errors.add(new RowError(MAX_ROWS + 2, "", "at most " + MAX_ROWS + " rows a sheet"));
      return new Parsed(rows.size() - 1, 0, List.of(), errors);
    }
    Map<String, VisitBuilder> visits = new LinkedHashMap<>();
    int items = 0;
    int read = 0;
    for (int r = 1; r < rows.size(); r++) {
      List<Value> row = rows.get(r);
      if (row.stream().allMatch(Value::blank)) {
        continue;
      }
      read++;
      int line = r + 1;
      RowReader rr = new RowReader(row, at, line, errors);
      String licence = rr.text(Column.LICENCE, t -> Retailer.licence(t, "licence"));
      Instant time = rr.time();
      Product product = rr.text(Column.PRODUCT, t -> Product.parse(t, "product"));
      PackUnit unit =
          rr.text(
              Column.UNIT,
              t -> {
                PackUnit u = PackUnit.parse(t);
                if (u == null) {
                  throw new FieldException("unit", "单位 is 盒, 包 or 条, not " + t);
                }
                return u;
              });
      Long marked = rr.yuan(Column.MARKED);
      Long sale = rr.yuan(Column.SALE);
      List<String> photos =
          rr.optional(Column.PHOTOS)
              .map(t -> Stream.of(t.split("[;；,，\\s]+")).filter(s -> !s.isBlank()).toList())
              .orElse(List.of());
      if (licence == null
          || time == null
          || product == null
          || unit == null
          || marked == null
          || sale == null) {
        continue;
      }
      ObservedItem item;
      try {
        item = new ObservedItem(product.brand(), product.spec(), unit, marked, sale);
      } catch (FieldException e) {
        errors.add(new RowError(line, Column.SALE.header, e.getMessage()));
        continue;
      }
      items++;
      VisitBuilder v =
          visits.computeIfAbsent(licence + "|" + time, k -> new VisitBuilder(licence, time, line));
      v.items.add(item);
      photos.forEach(
          p -> {
            if (!v.photos.contains(p)) v.photos.add(p);
          });
      rr.optional(Column.LOCATION)
          .ifPresent(
              t -> {
                if (v.location == null) v.location = t;
              });
      rr.optional(Column.REMARKS).ifPresent(t -> v.remarks.add(t));
    }
    if (read == 0 && errors.isEmpty()) {
      errors.add(new RowError(2, "", "the sheet has no rows under its header"));
    }
    List<RetailerVisit> out = new ArrayList<>();
    for (VisitBuilder v : visits.values()) {
      try {
        out.add(
            new RetailerVisit(
                v.licence,
                v.at,
                v.location,
                v.items,
                v.photos,
                v.remarks.isEmpty() ? null : String.join("；", v.remarks)));
      } catch (FieldException e) {
        String col = e.field().equals("photoHashes") ? Column.PHOTOS.header : Column.REMARKS.header;
        errors.add(new RowError(v.firstRow, col, e.getMessage()));
      }
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparingInt(RowError::row));
      return new Parsed(read, 0, List.of(), errors);
    }
    return new Parsed(read, items, out, List.of());
  }

  private static Map<Column, Integer> header(List<Value> row, List<RowError> errors) {
    Map<Column, Integer> at = new LinkedHashMap<>();
    for (int i = 0; i < row.size(); i++) {
      String h = row.get(i).text() == null ? "" : row.get(i).text().strip().replace("\uFEFF", "");
      for (Column c : Column.values()) {
        if (c.header.equals(h) || c.aliases.contains(h)) {
          if (at.containsKey(c)) {
            errors.add(new RowError(1, h, "column " + c.header + " appears twice"));
          }
          at.put(c, i);
        }
      }
    }
    for (Column c : Column.values()) {
      if (c.required && !at.containsKey(c)) {
        errors.add(new RowError(1, c.header, "the header lacks column " + c.header));
      }
    }
    return at;
  }

  private static final class VisitBuilder {
    final String licence;
    final Instant at;
    final int firstRow;
    final List<ObservedItem> items = new ArrayList<>();
    final List<String> photos = new ArrayList<>();
    final List<String> remarks = new ArrayList<>();
    String location;

    VisitBuilder(String licence, Instant at, int firstRow) {
      this.licence = licence;
      this.at = at;
      this.firstRow = firstRow;
    }
  }

  /** Reads the cells of one row, recording what is wrong instead of throwing. */
  private record RowReader(
      List<Value> row, Map<Column, Integer> at, int line, List<RowError> errors) {
    Value cell(Column c) {
      Integer i = at.get(c);
      return i == null || i >= row.size() ? new Value(null, null, null) : row.get(i);
    }

    Optional<String> optional(Column c) {
      Value v = cell(c);
      String t =
          v.text() != null ? v.text() : v.number() != null ? v.number().toPlainString() : null;
      return t == null || t.isBlank() ? Optional.empty() : Optional.of(t.strip());
    }

    <T> T text(Column c, Function<String, T> f) {
      Value v = cell(c);
      String t =
          v.text() != null ? v.text() : v.number() != null ? v.number().toPlainString() : null;
      if (t == null || t.isBlank()) {
        errors.add(new RowError(line, c.header, c.header + " is required"));
        return null;
      }
      try {
        return f.apply(t.strip());
      } catch (IllegalArgumentException e) {
        errors.add(new RowError(line, c.header, e.getMessage()));
        return null;
      }
    }

    Instant time() {
      Value v = cell(Column.TIME);
      if (v.date() != null) {
        return v.date().atZone(PriceBook.ZONE).toInstant();
      }
      if (v.number() != null) {
        return excelSerial(v.number()).atZone(PriceBook.ZONE).toInstant();
      }
      return text(
          Column.TIME,
          t -> {
            try {
              return LocalDateTime.parse(t, TIME).atZone(PriceBook.ZONE).toInstant();
            } catch (DateTimeParseException e) {
              throw new IllegalArgumentException("检查时间 is written 2026-10-03 14:30, not " + t);
            }
          });
    }

    Long yuan(Column c) {
      Value v = cell(c);
      if (v.number() != null) {
        try {
          return Fen.ofYuan(v.number());
        } catch (FieldException e) {
          errors.add(new RowError(line, c.header, e.getMessage()));
          return null;
        }
      }
      return text(c, t -> Fen.ofYuan(t.replace("元", "").replace("￥", "").replace("¥", "")));
    }
  }

  /** An Excel date serial (days since 1899-12-30, the fraction the time), to the second. */
  static LocalDateTime excelSerial(BigDecimal serial) {
    long seconds =
        serial
            .multiply(BigDecimal.valueOf(86_400))
            .setScale(0, RoundingMode.HALF_UP)
            .longValueExact();
    return LocalDateTime.of(1899, 12, 30, 0, 0).plusSeconds(seconds);
  }

  // ---- formats ----

  static List<List<Value>> xlsx(byte[] body) throws IOException {
    List<List<Value>> out = new ArrayList<>();
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(body));
        Stream<Row> rows = wb.getFirstSheet().openStream()) {
      rows.forEach(
          row -> {
            int n = row.getRowNum(); // 1-based; empty rows are skipped by the reader
            while (out.size() < n - 1) {
              out.add(List.of());
            }
            List<Value> cells = new ArrayList<>();
            for (int i = 0; i < row.getCellCount(); i++) {
              cells.add(value(row.getCell(i)));
            }
            out.add(cells);
          });
    } catch (ExcelReaderException | IllegalStateException e) {
      throw new IOException("not a readable XLSX workbook: " + e.getMessage(), e);
    }
    return out;
  }

  private static Value value(Cell c) {
    if (c == null || c.getType() == CellType.EMPTY) {
      return new Value(null, null, null);
    }
    if (c.getType() == CellType.NUMBER) {
      String fmt = c.getDataFormatString();
      boolean date = fmt != null && fmt.toLowerCase(Locale.ROOT).matches(".*[yd].*|.*h+:m+.*");
      if (date) {
        return new Value(null, c.asDate(), null);
      }
      return new Value(null, null, new BigDecimal(c.getRawValue()));
    }
    return new Value(c.getText(), null, null);
  }

  /** RFC 4180 CSV in UTF-8 (a byte-order mark is dropped). */
  static List<List<Value>> csv(byte[] body) {
    String s = new String(body, StandardCharsets.UTF_8);
    if (s.startsWith("\uFEFF")) {
      s = s.substring(1);
    }
    List<List<Value>> rows = new ArrayList<>();
    List<Value> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (quoted) {
        if (ch == '"') {
          if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        row.add(new Value(cell.toString(), null, null));
        cell.setLength(0);
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(new Value(cell.toString(), null, null));
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        cell.append(ch);
      }
    }
    if (cell.length() > 0 || !row.isEmpty()) {
      row.add(new Value(cell.toString(), null, null));
      rows.add(row);
    }
    return rows;
  }
}
