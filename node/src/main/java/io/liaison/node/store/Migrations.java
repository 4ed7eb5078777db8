package io.liaison.node.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

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
          },
          new String[] {
            // officers of this bureau, their sessions, and who accessed what
            "CREATE TABLE officers (id TEXT PRIMARY KEY, name TEXT NOT NULL, roles TEXT NOT NULL,"
                + " password TEXT NOT NULL, totp TEXT, failed INTEGER NOT NULL DEFAULT 0,"
                + " locked_until INTEGER, disabled INTEGER NOT NULL DEFAULT 0,"
                + " created_at INTEGER NOT NULL)",
            "CREATE TABLE sessions (id TEXT PRIMARY KEY, officer TEXT NOT NULL,"
                + " access_hash TEXT NOT NULL UNIQUE, access_expires INTEGER NOT NULL,"
                + " refresh_hash TEXT NOT NULL UNIQUE, refresh_expires INTEGER NOT NULL,"
                + " revoked INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL)",
            "CREATE TABLE access_log (id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL,"
                + " officer TEXT, address TEXT, method TEXT NOT NULL, path TEXT NOT NULL,"
                + " status INTEGER NOT NULL, action TEXT)",
            "CREATE INDEX access_log_officer ON access_log(officer, at)"
          },
          new String[] {
            // the change log the search index tails: one row per record, moved to the end on
            // every change (triggers, so every writer of records is covered); the store's
            // identity, so an index checkpointed against another store file is rebuilt
            "CREATE TABLE IF NOT EXISTS record_changes (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                + " record_id TEXT NOT NULL UNIQUE)",
            "INSERT OR IGNORE INTO record_changes(record_id)"
                + " SELECT id FROM records ORDER BY updated_at, id",
            "CREATE TRIGGER IF NOT EXISTS records_changed_insert AFTER INSERT ON records BEGIN"
                + " DELETE FROM record_changes WHERE record_id = NEW.id;"
                + " INSERT INTO record_changes(record_id) VALUES (NEW.id); END",
            "CREATE TRIGGER IF NOT EXISTS records_changed_update AFTER UPDATE OF hash ON records"
                + " BEGIN DELETE FROM record_changes WHERE record_id = NEW.id;"
                + " INSERT INTO record_changes(record_id) VALUES (NEW.id); END",
            "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            "INSERT OR IGNORE INTO meta(key, value) VALUES ('store_id', lower(hex(randomblob(16))))"
          },
          new String[] {
            // records of a kind in id order, a page at a time (index rebuilds, export): without it
            // SQLite sorts every record of the kind for each page — a 1M-record rebuild read
            // ~350 records/s
            "CREATE INDEX IF NOT EXISTS records_kind_id ON records(kind, id)"
          },
          new String[] {
            // the anti-entropy digest (id and hash of every record of a kind) read from the index
            // alone: without it every start scanned the whole table, bodies included (~5 GB at
            // 1M records); it serves the (kind, id) paging too
            "CREATE INDEX IF NOT EXISTS records_kind_id_hash ON records(kind, id, hash)",
            "DROP INDEX IF EXISTS records_kind_id"
          },
          new String[] {
            // a quarantined value is kept as its hash, its size and a bounded prefix (an outsider
            // on the link can write values of any size, as often as it likes)
            "ALTER TABLE quarantine ADD COLUMN sha256 TEXT",
            "ALTER TABLE quarantine ADD COLUMN size INTEGER",
            "CREATE INDEX IF NOT EXISTS quarantine_value ON quarantine(record_key, sha256)"
          },
          new String[] {
            // import jobs of case registers (node.imports): state, file, next row to store
            "CREATE TABLE IF NOT EXISTS import_jobs (id TEXT PRIMARY KEY, state TEXT NOT NULL,"
                + " file TEXT NOT NULL, next_row INTEGER NOT NULL, body TEXT NOT NULL,"
                + " updated_at INTEGER NOT NULL)"
          },
          new String[] {
            // the anti-entropy digests per kind and bucket (RecordBuckets), filled by FILL below
          },
          new String[] {
            // retention on the grid (#32): since when a record needs no cluster-wide decision
            // (settled_at: a shared case's or a final lead's last signed write; null: never, e.g.
            // an open lead), and, beside its bucket, whether it still belongs on the grid; the
            // digests of only those that do (grid_digest) are what the grid is compared against.
            // Existing rows count from their local write time (their signed time is in the body)
            "ALTER TABLE records ADD COLUMN settled_at INTEGER",
            "UPDATE records SET settled_at = updated_at WHERE kind = 'case'"
                + " OR (kind = 'lead' AND state IN ('CLOSED', 'WITHDRAWN', 'EXPIRED'))",
            "ALTER TABLE record_buckets ADD COLUMN settled_at INTEGER",
            "ALTER TABLE record_buckets ADD COLUMN on_grid INTEGER NOT NULL DEFAULT 1",
            "UPDATE record_buckets SET settled_at = (SELECT r.settled_at FROM records r"
                + " WHERE r.id = record_buckets.id) WHERE kind IN ('case', 'lead')",
            "CREATE INDEX IF NOT EXISTS record_buckets_retiring ON record_buckets(settled_at)"
                + " WHERE on_grid = 1 AND settled_at IS NOT NULL",
            "ALTER TABLE record_digests ADD COLUMN grid_digest INTEGER NOT NULL DEFAULT 0",
            "UPDATE record_digests SET grid_digest = digest"
          });

  /** Steps that are Java code, run after the SQL of the version they are keyed by (1-based). */
  private static final Map<Integer, Fill> FILL = Map.of(10, DigestTable::create);

  @FunctionalInterface
  private interface Fill {
    void apply(Connection c) throws SQLException;
  }

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
        if (FILL.containsKey(v + 1)) {
          FILL.get(v + 1).apply(c);
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
