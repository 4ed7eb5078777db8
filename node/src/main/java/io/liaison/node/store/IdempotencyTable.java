package io.liaison.node.store;

import java.time.Instant;
import java.util.Optional;

/**
 * The answers of requests sent with an idempotency key, so that a retry gets the first answer.
 * Store thread only; reached through {@link Store}'s methods of the same names.
 */
final class IdempotencyTable {
  private final Store sql;

  IdempotencyTable(Store sql) {
    this.sql = sql;
  }

  /** {status, response} of an earlier request with this key, if any. */
  Optional<String[]> get(String key) {
    return sql
        .query(
            "SELECT status, response FROM idempotency WHERE key=?",
            rs -> new String[] {rs.getString(1), rs.getString(2)},
            key)
        .stream()
        .findFirst();
  }

  void remember(String key, int status, String response) {
    sql.update(
        "INSERT OR IGNORE INTO idempotency(key, status, response, at) VALUES (?,?,?,?)",
        key,
        status,
        response,
        Instant.now().toEpochMilli());
  }
}
