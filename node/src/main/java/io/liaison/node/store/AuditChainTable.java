package io.liaison.node.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * This bureau's hash-chained audit log as stored (the chain is built and signed by {@code
 * trust.AuditLog}). Store thread only; reached through {@link Store}'s methods of the same names.
 */
final class AuditChainTable {
  private final Store sql;

  AuditChainTable(Store sql) {
    this.sql = sql;
  }

  Optional<ChainEntry> head() {
    return sql
        .query(
            "SELECT seq, hash, envelope, recorded FROM chain ORDER BY seq DESC LIMIT 1",
            AuditChainTable::toEntry)
        .stream()
        .findFirst();
  }

  void append(ChainEntry e) {
    sql.update(
        "INSERT INTO chain(seq, hash, envelope, recorded) VALUES (?,?,?,?)",
        e.seq(),
        e.hash(),
        e.envelope(),
        e.recorded());
  }

  boolean has(String recordedHash) {
    return !sql.query("SELECT 1 FROM chain WHERE recorded=?", rs -> 1, recordedHash).isEmpty();
  }

  List<ChainEntry> after(long seq, int limit) {
    return sql.query(
        "SELECT seq, hash, envelope, recorded FROM chain WHERE seq > ? ORDER BY seq LIMIT ?",
        AuditChainTable::toEntry,
        seq,
        limit);
  }

  List<ChainEntry> all() {
    return sql.query(
        "SELECT seq, hash, envelope, recorded FROM chain ORDER BY seq", AuditChainTable::toEntry);
  }

  private static ChainEntry toEntry(ResultSet rs) throws SQLException {
    return new ChainEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
  }
}
