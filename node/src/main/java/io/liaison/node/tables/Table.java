package io.liaison.node.tables;

import java.util.List;

/** One table as bureaus print it: its id (for {@code /csv/{id}}), sheet name, headers and rows. */
public record Table(String id, String name, List<String> headers, List<List<Object>> rows) {}
