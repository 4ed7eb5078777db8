package io.liaison.bench.durability;

import io.liaison.bench.Lat;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.HdrHistogram.Histogram;

/**
 * The raw cost of a durable commit on this disk: one ~1 KiB row inserted and committed per
 * transaction into a SQLite file in WAL mode (as the node's store is), with {@code synchronous} set
 * to FULL (fsync of the WAL at every commit), NORMAL (fsync only at checkpoints) or OFF.
 */
final class SqliteBaseline implements AutoCloseable {
  private final Connection conn;
  private final PreparedStatement insert;
  private final String body;
  private long id;

  SqliteBaseline(Path file) throws SQLException {
    conn = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    try (Statement st = conn.createStatement()) {
      st.execute("PRAGMA journal_mode=WAL");
      st.execute(
          "CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, hash TEXT NOT NULL,"
              + " body TEXT NOT NULL)");
    }
    insert = conn.prepareStatement("INSERT INTO t(id, hash, body) VALUES (?,?,?)");
    body = "x".repeat(1024);
  }

  /** Inserts and commits one row at a time for {@code seconds}; latency of each commit. */
  Histogram run(String synchronous, double seconds) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.execute("PRAGMA synchronous=" + synchronous);
    }
    Histogram h = Lat.histogram();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    for (int i = 0; i < 10_000_000 && System.nanoTime() < end; i++) {
      long t0 = System.nanoTime();
      insert.setLong(1, ++id);
      insert.setString(2, Long.toHexString(id));
      insert.setString(3, body);
      insert.executeUpdate(); // autocommit: one transaction per row
      h.recordValue(System.nanoTime() - t0);
    }
    return h;
  }

  @Override
  public void close() throws SQLException {
    insert.close();
    conn.close();
  }
}
