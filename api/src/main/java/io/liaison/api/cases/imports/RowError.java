package io.liaison.api.cases.imports;

/**
 * One bad cell of an import: the sheet row (the header is row 1), the column's header as written in
 * the sheet (empty for the row as a whole), and what is wrong, in Chinese.
 */
public record RowError(long row, String column, String message) {}
