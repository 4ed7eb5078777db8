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
import io.liaison.api.cases.Location;
import io.liaison.api.cases.imports.ColumnMapping;
import io.liaison.api.cases.imports.ImportDefaults;
import io.liaison.api.cases.imports.ImportField;
import io.liaison.api.cases.imports.ImportMapping;
import io.liaison.api.cases.imports.RowError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the rows of a bureau's register into cases by the bureau's {@link ImportMapping}: each
 * mapped column's cell is read as its field (dates as a spreadsheet keeps them or written {@code
 * 2026-03-05}, {@code 2026/3/5}, {@code 2026年3月5日}, {@code 20260305}; amounts in 元 or 万元;
 * quantities in the column's unit), and the case record's own checks run over the result. Every
 * error names the row and the column as the sheet shows them, in Chinese. A case without a
 * narrative column gets a summary of its row, so that it is found by what the register says.
 */
final class RowReader {

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

  /**
   * The row as a case, or its errors. Never throws: whatever one row holds, an unforeseen failure
   * reading it is that row's error, not the end of the import.
   */
  Result read(RegisterFile.Row row) {
    try {
      return readCells(row);
    } catch (RuntimeException e) {
      return new Result(
          null,
          List.of(new RowError(row.line(), "", "此行无法读取（" + e.getClass().getSimpleName() + "）")));
    }
  }

  private Result readCells(RegisterFile.Row row) {
    Cells c = new Cells(row, at, headerOf);
    CaseNumber number = c.parse(ImportField.CASE_NUMBER, true, CaseNumber::of);
    LocalDate filed = c.date(ImportField.FILED_ON, true);
    LocalDate found = c.date(ImportField.FOUND_ON, false);
    LocalDate closed = c.date(ImportField.CLOSED_ON, false);
    CaseCategory category = c.parse(ImportField.CATEGORY, false, CaseCategory::of);
    Disposition disposition = c.parse(ImportField.DISPOSITION, false, RowTexts::disposition);
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
          RowTexts.chinese(e));
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
        narrative != null
            ? narrative
            : RowTexts.summary(row.line(), k, entities, items, value, address);
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
      c.error(fieldOf(e.field()), RowTexts.chinese(e));
    }
    if (built.failure() != null && built.errors().isEmpty()) {
      c.errors.add(new RowError(row.line(), "", "此行无法成为案件：" + built.failure().getMessage()));
    }
    return new Result(null, c.errors);
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

  /** For logs: the mapped fields. */
  @Override
  public String toString() {
    return "RowReader" + headerOf.keySet().toString().toLowerCase(Locale.ROOT);
  }
}
