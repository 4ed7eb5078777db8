package io.liaison.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The store thread's prepared statements, kept by their SQL (issue 32: SQLite compiles a statement
 * every time one is prepared, and a shared record runs about a dozen of them on the store thread).
 * The tables' SQL is a small fixed set of strings; the least recently used beyond {@link #LIMIT}
 * are closed (a batch's {@code IN (?, …)} list has one string per size). A statement is taken out
 * of the map while it runs, so a query run from inside another one's row mapper gets a statement of
 * its own, and one whose use failed is closed instead of kept. One thread only.
 */
final class Statements implements AutoCloseable {
  /** Statements kept at most. */
  static final int LIMIT = 256;

  /** What runs with a prepared statement whose parameters are cleared. */
  @FunctionalInterface
  interface Use<T> {
    T run(PreparedStatement ps) throws SQLException;
  }

  private final Connection conn;
  private final Map<String, PreparedStatement> kept = new LinkedHashMap<>();

  Statements(Connection conn) {
    this.conn = conn;
  }

  /**
   * Runs {@code use} with the statement of {@code sql}, prepared once and kept for the next use.
   */
  <T> T with(String sql, Use<T> use) throws SQLException {
    PreparedStatement ps = kept.remove(sql);
    if (ps == null) {
      ps = conn.prepareStatement(sql);
    } else {
      ps.clearParameters();
    }
    boolean ok = false;
    try {
      T out = use.run(ps);
      ok = true;
      return out;
    } finally {
      if (ok) {
        keep(sql, ps);
      } else {
        closeQuietly(ps);
      }
    }
  }

  /** How many statements are kept (tests). */
  int size() {
    return kept.size();
  }

  private void keep(String sql, PreparedStatement ps) {
    PreparedStatement had = kept.put(sql, ps);
    if (had != null) {
      closeQuietly(had);
    }
    if (kept.size() > LIMIT) {
      Iterator<PreparedStatement> eldest = kept.values().iterator();
      closeQuietly(eldest.next());
      eldest.remove();
    }
  }

  @Override
  public void close() {
    kept.values().forEach(Statements::closeQuietly);
    kept.clear();
  }

  private static void closeQuietly(PreparedStatement ps) {
    try {
      ps.close();
    } catch (SQLException e) {
      // the statement is gone either way; the connection reports its own failures
    }
  }
}
