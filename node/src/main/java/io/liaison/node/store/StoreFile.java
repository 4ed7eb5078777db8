package io.liaison.node.store;

import io.liaison.crypto.Hashes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The store file's lifecycle: the connection's settings (WAL, {@code synchronous=FULL}, checkpoints
 * by the store itself), the integrity check on open ({@link OpenCheck}: in full unless the file was
 * closed cleanly and is unchanged since, or unless after a crash the main file is what the last
 * checkpoint left — {@link Checkpoints}), and the clean-close marker.
 */
final class StoreFile {
  private static final Logger LOG = LoggerFactory.getLogger(Store.class);

  /** System property: {@code always} runs the integrity check on every open. */
  static final String CHECK = "liaison.store.check";

  private StoreFile() {}

  /** How the file was checked when it was opened. */
  public enum OpenCheck {
    /** {@code PRAGMA quick_check} of the whole file (first start, forced, or nothing to trust). */
    FULL,
    /** Closed cleanly and unchanged since ({@code liaison.db.clean}): not checked. */
    CLEAN_CLOSE,
    /**
     * Not closed cleanly (a crash), but the main file is unchanged since the last completed
     * checkpoint ({@code liaison.db.checkpoint}): the records written after it and the small tables
     * were checked at open, the whole file is checked in the background after ready.
     */
    CHECKPOINT
  }

  /** An open connection and how its file was checked. */
  record Opened(Connection connection, OpenCheck check) {}

  /** The small tables checked with {@code quick_check(table)} after a crash. */
  private static final List<String> SMALL_TABLES =
      List.of("schema_version", "meta", "officers", "sessions", "import_jobs", "record_digests");

  /** The store thread's connection to {@code file}, checked as {@link OpenCheck} says. */
  static Opened connect(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      boolean always = "always".equals(System.getProperty(CHECK));
      // the full integrity check reads the whole file (~40 s for a 5 GB store on a cold cache):
      // it runs unless the node closed this very file cleanly last time, or the main file is
      // byte for byte what SQLite completed at the last checkpoint before a crash
      boolean clean = !always && closedCleanly(file);
      Optional<Checkpoints.Mark> mark =
          always || clean ? Optional.empty() : Checkpoints.matching(file);
      // from here on a crash leaves no marker, so the next start checks (until the store thread
      // marks a checkpoint again)
      Files.deleteIfExists(cleanMarker(file));
      Checkpoints.unmark(file);
      SQLiteConfig config = new SQLiteConfig();
      // the driver otherwise prepares and runs "SELECT last_insert_rowid()" after every INSERT for
      // getGeneratedKeys, which no caller uses (EventTable asks SQLite itself): ~15 % of the store
      // thread's Java time per shared record (issue 32)
      config.setGetGeneratedKeys(false);
      Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement st = c.createStatement()) {
        st.execute("PRAGMA journal_mode=WAL");
        st.execute("PRAGMA synchronous=FULL");
        st.execute("PRAGMA foreign_keys=ON");
        st.execute("PRAGMA busy_timeout=5000");
        // checkpoints are the store thread's (Checkpoints), each one marked
        st.execute("PRAGMA wal_autocheckpoint=0");
        if (clean) {
          LOG.info(
              "store closed cleanly and unchanged since: integrity check skipped file={}", file);
          return new Opened(c, OpenCheck.CLEAN_CLOSE);
        }
        if (mark.isPresent()) {
          long t0 = System.nanoTime();
          int checked = checkSinceCheckpoint(c, file, mark.get().seq());
          LOG.info(
              "store not closed cleanly, main file unchanged since its last checkpoint: full"
                  + " integrity check skipped, {} records written after it checked in {} ms,"
                  + " full check in the background after ready file={}",
              checked,
              (System.nanoTime() - t0) / 1_000_000,
              file);
          return new Opened(c, OpenCheck.CHECKPOINT);
        }
        String verdict = quickCheck(st, "PRAGMA quick_check");
        if (!"ok".equals(verdict)) {
          c.close();
          throw corrupt(file, verdict);
        }
      }
      return new Opened(c, OpenCheck.FULL);
    } catch (SQLException e) {
      throw openFailed(file, e);
    } catch (IOException e) {
      throw new StoreException("cannot open store " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * After a crash, with the main file as the last checkpoint left it: checks what came after it —
   * every record changed since change-log position {@code seq} (read through the replayed WAL: its
   * content hash against its body) and the small tables' structure. Returns the records checked.
   */
  private static int checkSinceCheckpoint(Connection c, Path file, long seq) throws SQLException {
    int n = 0;
    try (Statement st = c.createStatement()) {
      for (String table : SMALL_TABLES) {
        if (exists(st, table)) {
          String verdict = quickCheck(st, "PRAGMA quick_check(" + table + ")");
          if (!"ok".equals(verdict)) {
            c.close();
            throw corrupt(file, table + ": " + verdict);
          }
        }
      }
      if (!exists(st, "record_changes")) {
        return 0;
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT c.record_id, r.hash, r.body FROM record_changes c"
                + " LEFT JOIN records r ON r.id = c.record_id WHERE c.seq > ? ORDER BY c.seq")) {
      ps.setLong(1, seq);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String id = rs.getString(1);
          String hash = rs.getString(2);
          String body = rs.getString(3);
          if (hash == null
              || body == null
              || !hash.equals(Hashes.sha256Hex(body.getBytes(StandardCharsets.UTF_8)))) {
            c.close();
            throw corrupt(file, "record " + id + " does not match its content hash");
          }
          n++;
        }
      }
    }
    return n;
  }

  private static boolean exists(Statement st, String table) throws SQLException {
    try (ResultSet rs =
        st.executeQuery(
            "SELECT 1 FROM sqlite_schema WHERE type='table' AND name='" + table + "'")) {
      return rs.next();
    }
  }

  /** The verdict of an integrity pragma: {@code ok} or its first three findings. */
  static String quickCheck(Statement st, String pragma) throws SQLException {
    try (ResultSet rs = st.executeQuery(pragma)) {
      String verdict = rs.next() ? rs.getString(1) : "no answer";
      return "ok".equals(verdict)
          ? verdict
          : verdict.strip().lines().limit(3).reduce((a, b) -> a + "; " + b).orElse("");
    }
  }

  /**
   * The whole file's {@code PRAGMA quick_check} on a read-only connection of its own (the
   * background check after a start that skipped it). Empty if it passed, else why it failed.
   */
  static Optional<String> fullCheck(Path file) {
    SQLiteConfig cfg = new SQLiteConfig();
    cfg.setReadOnly(true);
    cfg.setBusyTimeout(5000);
    try (Connection c = cfg.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        Statement st = c.createStatement()) {
      String verdict = quickCheck(st, "PRAGMA quick_check");
      return "ok".equals(verdict) ? Optional.empty() : Optional.of(verdict);
    } catch (SQLException e) {
      return Optional.of(String.valueOf(e.getMessage()));
    }
  }

  /** Why {@code file} could not be opened. */
  static StoreException openFailed(Path file, SQLException e) {
    // damage that reaches the schema pages fails before quick_check can give its verdict
    String m = String.valueOf(e.getMessage());
    if (m.contains("SQLITE_CORRUPT") || m.contains("SQLITE_NOTADB")) {
      return corrupt(file, m);
    }
    return new StoreException("cannot open store " + file + ": " + e.getMessage(), e);
  }

  /**
   * After the last connection was closed (which checkpointed the WAL into the file and removed it):
   * marks the file as closed cleanly, so the next open can skip the full integrity check.
   */
  static void markClosed(Path file) {
    try {
      Path wal = wal(file);
      if (Files.exists(file) && (!Files.exists(wal) || Files.size(wal) == 0)) {
        Files.writeString(cleanMarker(file), fingerprint(file) + "\n");
      }
    } catch (IOException e) {
      LOG.warn("could not mark the store closed cleanly: {}", e.getMessage());
    }
  }

  static Path cleanMarker(Path file) {
    return file.resolveSibling(file.getFileName() + ".clean");
  }

  private static Path wal(Path file) {
    return file.resolveSibling(file.getFileName() + "-wal");
  }

  /** The file's size and modification time: what the clean-close marker holds. */
  private static String fingerprint(Path file) throws IOException {
    return Files.size(file) + " " + Files.getLastModifiedTime(file).toInstant();
  }

  /**
   * Whether the last close of this store was clean and the file is as it was left: the marker
   * written by {@link #markClosed} matches its size and modification time, and there is no WAL.
   */
  private static boolean closedCleanly(Path file) throws IOException {
    Path marker = cleanMarker(file);
    Path wal = wal(file);
    return Files.exists(marker)
        && Files.exists(file)
        && (!Files.exists(wal) || Files.size(wal) == 0)
        && Files.readString(marker).strip().equals(fingerprint(file));
  }

  static StoreException corrupt(Path file, String detail) {
    return new StoreException(
        "store file "
            + file
            + " is corrupt ("
            + (detail.length() > 200 ? detail.substring(0, 200) + "…" : detail)
            + "); the node will not serve from it: restore the latest backup"
            + " (POST /api/v1/admin/backup) or move the file aside to rebuild from the cluster");
  }
}
