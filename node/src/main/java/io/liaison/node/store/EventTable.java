package io.liaison.node.store;

import java.time.Instant;
import java.util.List;

/**
 * The node-local event feed (what SSE clients resume from) and which notifications were sent. Store
 * thread only; reached through {@link Store}'s methods of the same names.
 */
final class EventTable {
  private final Store sql;

  EventTable(Store sql) {
    this.sql = sql;
  }

  long append(String type, String recordId, String audience, String data) {
    sql.update(
        "INSERT INTO events(type, record_id, audience, at, data) VALUES (?,?,?,?,?)",
        type,
        recordId,
        audience,
        Instant.now().toEpochMilli(),
        data);
    return sql.query("SELECT last_insert_rowid()", rs -> rs.getLong(1)).get(0);
  }

  long lastSeq() {
    return sql.query("SELECT coalesce(max(seq), 0) FROM events", rs -> rs.getLong(1)).get(0);
  }

  List<StoredEvent> after(long afterSeq, int limit) {
    return sql.query(
        "SELECT seq, type, record_id, audience, at, data FROM events WHERE seq > ? ORDER BY seq"
            + " LIMIT ?",
        rs ->
            new StoredEvent(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                Instant.ofEpochMilli(rs.getLong(5)),
                rs.getString(6)),
        afterSeq,
        limit);
  }

  /** The data of the newest events of one type, newest first. */
  List<String> dataOfType(String type, int limit) {
    return sql.query(
        "SELECT data FROM events WHERE type=? ORDER BY seq DESC LIMIT ?",
        rs -> rs.getString(1),
        type,
        limit);
  }

  boolean markNotified(String recordId, String kind) {
    return sql.update(
            "INSERT OR IGNORE INTO notified(record_id, kind, at) VALUES (?,?,?)",
            recordId,
            kind,
            Instant.now().toEpochMilli())
        == 1;
  }
}
