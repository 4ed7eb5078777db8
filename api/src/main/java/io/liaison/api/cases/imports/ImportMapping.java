package io.liaison.api.cases.imports;

import io.liaison.api.FieldException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a bureau's case register maps onto the shared case: each column by its header, and values for
 * fields the register does not keep. Saved per bureau on its node ({@code PUT
 * /api/v1/cases/imports/mapping}) and used by every import that names no other. A column not named
 * here is read past; a mapping must name the column of {@link ImportField#CASE_NUMBER} and of
 * {@link ImportField#FILED_ON}.
 */
public record ImportMapping(List<ColumnMapping> columns, ImportDefaults defaults) {
  public static final int MAX_COLUMNS = 200;

  public ImportMapping {
    FieldException.required(columns, "columns");
    columns = columns == null ? List.of() : List.copyOf(columns);
    if (columns.size() > MAX_COLUMNS) {
      throw new FieldException("columns", "at most " + MAX_COLUMNS + " columns");
    }
    Set<String> seen = new HashSet<>();
    Set<ImportField> fields = new HashSet<>();
    Map<String, String> quantityColumns = new HashMap<>();
    for (ColumnMapping c : columns) {
      if (!seen.add(c.column())) {
        throw new FieldException("columns", "column " + c.column() + " is named twice");
      }
      if (c.field() != ImportField.IGNORE && !isList(c.field()) && !fields.add(c.field())) {
        throw new FieldException("columns", "field " + c.field() + " is mapped twice");
      }
      // one value in two units (元 and 万元, 条 and 件): the import would read one column only
      String value = quantity(c.field());
      String other = value.isEmpty() ? null : quantityColumns.putIfAbsent(value, c.column());
      if (other != null) {
        throw new FieldException(
            "columns",
            "columns "
                + other
                + " and "
                + c.column()
                + " both hold "
                + value
                + ": map it once, in one unit");
      }
    }
    for (ImportField required : List.of(ImportField.CASE_NUMBER, ImportField.FILED_ON)) {
      if (!fields.contains(required)) {
        throw new FieldException(
            "columns", "no column holds " + required + " (" + required.label() + ")");
      }
    }
    defaults = defaults == null ? ImportDefaults.none() : defaults;
  }

  /** The value a field gives in some unit (案值, 罚款, 数量), or "" for any other field. */
  private static String quantity(ImportField f) {
    return switch (f) {
      case VALUE_YUAN, VALUE_WAN_YUAN -> "案值";
      case FINE_YUAN, FINE_WAN_YUAN -> "罚款";
      case QUANTITY, QUANTITY_CARTONS, QUANTITY_CASES, QUANTITY_WAN_STICKS -> "数量";
      default -> "";
    };
  }

  /** Fields that several columns may feed (their values add up: more entities). */
  public static boolean isList(ImportField f) {
    return switch (f) {
      case PERSON, ID_NUMBER, PHONE, PLATE, LICENCE, WAYBILL, ACCOUNT -> true;
      default -> false;
    };
  }
}
