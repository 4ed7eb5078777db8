package io.liaison.node.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Versioned schema migrations, applied in order at open; the version is kept in the file. */
final class Migrations {
  private static final List<String[]> STEPS =
      List.<String[]>of(
          new String[] {
            "CREATE TABLE records (id TEXT PRIMARY KEY, kind TEXT NOT NULL, origin TEXT NOT NULL,"
                + " posted_at INTEGER NOT NULL, hash TEXT NOT NULL, body TEXT NOT NULL,"
                + " updated_at INTEGER NOT NULL)",
            "CREATE INDEX records_kind_time ON records(kind, posted_at DESC, id DESC)",
            "CREATE INDEX records_origin_time ON records(kind, origin, posted_at DESC, id DESC)",
            "CREATE TABLE chain (seq INTEGER PRIMARY KEY, hash TEXT NOT NULL UNIQUE,"
                + " envelope TEXT NOT NULL)",
            "CREATE TABLE events (seq INTEGER PRIMARY KEY AUTOINCREMENT, type TEXT NOT NULL,"
                + " record_id TEXT, audience TEXT, at INTEGER NOT NULL, data TEXT NOT NULL)",
            "CREATE TABLE quarantine (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                + " record_key TEXT NOT NULL, reason TEXT NOT NULL, detail TEXT,"
                + " at INTEGER NOT NULL, body TEXT)"
          },
          new String[] {
            // facts derived from a record, for officers' inbox queries
            "ALTER TABLE chain ADD COLUMN recorded TEXT",
            "CREATE UNIQUE INDEX chain_recorded ON chain(recorded)",
            "ALTER TABLE records ADD COLUMN state TEXT",
            "ALTER TABLE records ADD COLUMN owner TEXT",
            "ALTER TABLE records ADD COLUMN handover_to TEXT",
            "ALTER TABLE records ADD COLUMN targets TEXT",
            "ALTER TABLE records ADD COLUMN claimed_at INTEGER",
            "ALTER TABLE records ADD COLUMN feedback_at INTEGER",
            "ALTER TABLE records ADD COLUMN expires_at INTEGER",
            "CREATE INDEX records_state ON records(kind, state, posted_at DESC)",
            "CREATE INDEX records_owner ON records(kind, owner, state)",
            "CREATE TABLE idempotency (key TEXT PRIMARY KEY, status INTEGER NOT NULL,"
                + " response TEXT NOT NULL, at INTEGER NOT NULL)",
            "CREATE TABLE notified (record_id TEXT NOT NULL, kind TEXT NOT NULL,"
                + " at INTEGER NOT NULL, PRIMARY KEY (record_id, kind))"
          },
          new String[] {
            // transitions that lost a conflict after a split: kept, never erased
            "CREATE TABLE superseded (hash TEXT PRIMARY KEY, record_id TEXT NOT NULL,"
                + " envelope TEXT NOT NULL, at INTEGER NOT NULL)",
            "CREATE INDEX superseded_record ON superseded(record_id)"
          });

  private Migrations() {}

  static void apply(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
    }
    int current = current(c);
    if (current > STEPS.size()) {
      throw new StoreException(
          "store schema version "
              + current
              + " is newer than this software ("
              + STEPS.size()
              + "); upgrade the node");
    }
    for (int v = current; v < STEPS.size(); v++) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        for (String sql : STEPS.get(v)) {
          st.execute(sql);
        }
        st.execute("DELETE FROM schema_version");
        st.execute("INSERT INTO schema_version(version) VALUES (" + (v + 1) + ")");
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  static int current(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT max(version) FROM schema_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }
}
