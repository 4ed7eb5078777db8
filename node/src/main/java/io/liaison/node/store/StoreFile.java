package io.liaison.node.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store file's lifecycle: the connection's settings (WAL, {@code synchronous=FULL}), the
 * integrity check on open unless the file was closed cleanly and is unchanged since (a marker next
 * to it holds its size and modification time), and that marker written on a clean close.
 */
final class StoreFile {
  private static final Logger LOG = LoggerFactory.getLogger(Store.class);

  /** System property: {@code always} runs the integrity check on every open. */
  static final String CHECK = "liaison.store.check";

  private StoreFile() {}

  /** The store thread's connection to {@code file}, checked unless it was closed cleanly. */
  static Connection connect(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      // the full integrity check reads the whole file (~40 s for a 5 GB store on a cold cache):
      // it runs unless the node closed this very file cleanly last time
      boolean clean = closedCleanly(file) && !"always".equals(System.getProperty(CHECK));
      // from here on a crash leaves no marker, so the next start checks
      Files.deleteIfExists(cleanMarker(file));
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement st = c.createStatement()) {
        st.execute("PRAGMA journal_mode=WAL");
        st.execute("PRAGMA synchronous=FULL");
        st.execute("PRAGMA foreign_keys=ON");
        st.execute("PRAGMA busy_timeout=5000");
        if (clean) {
          LOG.info(
              "store closed cleanly and unchanged since: integrity check skipped file={}", file);
        } else {
          try (ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
            String verdict = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equals(verdict)) {
              c.close();
              String first =
                  verdict.strip().lines().limit(3).reduce((a, b) -> a + "; " + b).orElse("");
              throw corrupt(file, first);
            }
          }
        }
      }
      return c;
    } catch (SQLException e) {
      throw openFailed(file, e);
    } catch (IOException e) {
      throw new StoreException("cannot open store " + file + ": " + e.getMessage(), e);
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

  private static Path cleanMarker(Path file) {
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

  private static StoreException corrupt(Path file, String detail) {
    return new StoreException(
        "store file "
            + file
            + " is corrupt ("
            + (detail.length() > 200 ? detail.substring(0, 200) + "…" : detail)
            + "); the node will not serve from it: restore the latest backup"
            + " (POST /api/v1/admin/backup) or move the file aside to rebuild from the cluster");
  }
}
