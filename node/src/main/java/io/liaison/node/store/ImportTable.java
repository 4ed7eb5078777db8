package io.liaison.node.store;

import java.util.List;
import java.util.Optional;

/**
 * Import jobs of case registers (their state as JSON, the uploaded file, the next row to store) and
 * the bureau's saved column mapping. A job's progress is written in the same transaction as the
 * cases it stored, so a node that stops mid-import goes on from exactly where it was. Store thread
 * only.
 */
public final class ImportTable {
  private static final String MAPPING = "case-import-mapping";
  private final Store sql;

  ImportTable(Store sql) {
    this.sql = sql;
  }

  /** One job as kept: its state, its file, the next sheet row to store, its body (JSON). */
  public record Job(String id, String state, String file, long nextRow, String body) {}

  public void put(Job j) {
    sql.update(
        // an upsert, not INSERT OR REPLACE: REPLACE deletes and re-inserts, giving the job a new
        // rowid with every batch, and list()/inState() order by rowid (when the job was created)
        "INSERT INTO import_jobs(id, state, file, next_row, body, updated_at)"
            + " VALUES (?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET state=excluded.state,"
            + " file=excluded.file, next_row=excluded.next_row, body=excluded.body,"
            + " updated_at=excluded.updated_at",
        j.id(),
        j.state(),
        j.file(),
        j.nextRow(),
        j.body(),
        System.currentTimeMillis());
  }

  public Optional<Job> get(String id) {
    return sql
        .query(
            "SELECT id, state, file, next_row, body FROM import_jobs WHERE id=?",
            rs ->
                new Job(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getLong(4),
                    rs.getString(5)),
            id)
        .stream()
        .findFirst();
  }

  /** The newest jobs first (by when they were created; progress does not move a job). */
  public List<Job> list(int limit) {
    return sql.query(
        "SELECT id, state, file, next_row, body FROM import_jobs ORDER BY rowid DESC LIMIT ?",
        rs ->
            new Job(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)),
        limit);
  }

  /** Jobs in one of {@code states}, oldest first. */
  public List<Job> inState(List<String> states) {
    String in = String.join(",", states.stream().map(s -> "?").toList());
    return sql.query(
        "SELECT id, state, file, next_row, body FROM import_jobs WHERE state IN ("
            + in
            + ") ORDER BY rowid",
        rs ->
            new Job(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)),
        states.toArray());
  }

  /** The saved column mapping (JSON), if any. */
  public Optional<String> mapping() {
    return sql.query("SELECT value FROM meta WHERE key=?", rs -> rs.getString(1), MAPPING).stream()
        .findFirst();
  }

  public void saveMapping(String json) {
    sql.update("INSERT OR REPLACE INTO meta(key, value) VALUES (?,?)", MAPPING, json);
  }
}
