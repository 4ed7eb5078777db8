package io.liaison.api.price;

/**
 * What an import of a check sheet stored: rows read, visits and items recorded. A sheet with any
 * bad row stores nothing and is answered with a problem document listing each bad row and column.
 */
public record ImportResult(int rows, int visits, int items, CheckView check) {}
