package io.liaison.api.cases.imports;

import io.liaison.api.FieldException;

/**
 * One column of a bureau's register, by its header as written in the sheet, and the case field it
 * holds.
 */
public record ColumnMapping(String column, ImportField field) {
  public ColumnMapping {
    column = FieldException.text(column, "column", 60);
    FieldException.required(field, "field");
  }
}
