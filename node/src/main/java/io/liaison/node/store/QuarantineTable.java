package io.liaison.node.store;

import io.liaison.api.admin.QuarantineEntry;
import java.time.Instant;
import java.util.List;

/**
 * Values that failed verification (hash, size, a prefix), bounded. Store thread only; reached
 * through {@link Store}'s methods of the same names.
 */
final class QuarantineTable {
  private final Store sql;

  QuarantineTable(Store sql) {
    this.sql = sql;
  }

  boolean add(
      String recordKey,
      String reason,
      String detail,
      String sha256,
      long size,
      String prefix,
      int cap) {
    if (!sql.query(
            "SELECT 1 FROM quarantine WHERE record_key=? AND sha256=? LIMIT 1",
            rs -> 1,
            recordKey,
            sha256)
        .isEmpty()) {
      return false;
    }
    sql.update(
        "INSERT INTO quarantine(record_key, reason, detail, at, body, sha256, size)"
            + " VALUES (?,?,?,?,?,?,?)",
        recordKey,
        reason,
        detail,
        Instant.now().toEpochMilli(),
        prefix,
        sha256,
        size);
    sql.update("DELETE FROM quarantine WHERE id <= (SELECT max(id) FROM quarantine) - ?", cap);
    return true;
  }

  List<QuarantineEntry> latest(int limit) {
    return sql.query(
        "SELECT id, record_key, reason, detail, at, sha256, size, body FROM quarantine"
            + " ORDER BY id DESC LIMIT ?",
        rs ->
            new QuarantineEntry(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                Instant.ofEpochMilli(rs.getLong(5)),
                rs.getString(6),
                rs.getObject(7) == null ? null : rs.getLong(7),
                rs.getString(8)),
        limit);
  }

  long count() {
    return sql.query("SELECT count(*) FROM quarantine", rs -> rs.getLong(1)).get(0);
  }
}
