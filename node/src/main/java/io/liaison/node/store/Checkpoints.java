package io.liaison.node.store;

import io.liaison.crypto.Hashes;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's own WAL checkpoints and the marker that lets a start after a crash skip the full
 * integrity check (docs/security.md, "Crash restart").
 *
 * <p>SQLite's automatic checkpoint is off ({@code wal_autocheckpoint=0}); the store thread runs
 * {@code wal_checkpoint(TRUNCATE)} itself when the WAL has grown past {@link #WAL_BYTES} or has
 * held frames for {@link #MAX_AGE_MILLIS}. Around each one the marker {@code liaison.db.checkpoint}
 * is first removed (durably: the directory is synced), and once the checkpoint has completed it is
 * written again (temporary file, fsync, atomic rename, directory sync) with the main file's
 * fingerprint (size, modification time, SHA-256 of its first and last 64 KiB) and the change log's
 * end at that moment. In WAL mode only a checkpoint writes the main file, so as long as the
 * fingerprint still matches, the main file is the one SQLite completed and synced at that
 * checkpoint: a crash after it can only have cut the WAL short (SQLite replays whole transactions
 * whose frame checksums match, and drops the rest).
 *
 * <p>Store thread only.
 */
final class Checkpoints {
  private static final Logger LOG = LoggerFactory.getLogger(Store.class);

  /** WAL size that triggers a checkpoint (SQLite's own default: 1,000 pages of 4 KiB). */
  static final long WAL_BYTES = 4L << 20;

  /** A WAL with frames is checkpointed at the latest after this long (also on an idle node). */
  static final long MAX_AGE_MILLIS = 30_000;

  private static final int EDGE = 64 * 1024;

  private final Path file;
  // whether a checkpoint may be marked: false while a start that skipped the full check has not
  // had it completed in the background (a second crash in that window then checks in full)
  private volatile boolean markable;
  private volatile boolean condemned;
  private volatile boolean due;

  /** After a checkpoint a reader kept from completing, the next try waits this long. */
  static final long RETRY_MILLIS = 1_000;

  private long retryAt; // no checkpoint before this time (ms) after a blocked one
  private long walSince; // when the WAL was first seen non-empty since the last checkpoint (ms)

  Checkpoints(Path file, boolean markable) {
    this.file = file;
    this.markable = markable;
  }

  /** The marker next to {@code file}. */
  static Path marker(Path file) {
    return file.resolveSibling(file.getFileName() + ".checkpoint");
  }

  static Path wal(Path file) {
    return file.resolveSibling(file.getFileName() + "-wal");
  }

  /** What the marker says: the main file's fingerprint and the change log's end at a checkpoint. */
  record Mark(String fingerprint, long seq) {
    String line() {
      return "checkpointed " + seq + " " + fingerprint;
    }

    static Optional<Mark> parse(String text) {
      String[] w = text.strip().split(" ", 3);
      if (w.length != 3 || !w[0].equals("checkpointed")) {
        return Optional.empty();
      }
      try {
        return Optional.of(new Mark(w[2], Long.parseLong(w[1])));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
  }

  /**
   * The marker of {@code file} if it is present, well formed and matches the main file as it is
   * now; empty otherwise (then the caller checks in full).
   */
  static Optional<Mark> matching(Path file) throws IOException {
    Path m = marker(file);
    if (!Files.exists(m) || !Files.exists(file)) {
      return Optional.empty();
    }
    Optional<Mark> mark = Mark.parse(Files.readString(m, StandardCharsets.UTF_8));
    if (mark.isEmpty()) {
      LOG.warn("checkpoint marker unreadable, full check: {}", m);
      return Optional.empty();
    }
    String now = fingerprint(file);
    if (!now.equals(mark.get().fingerprint())) {
      LOG.warn(
          "store file changed since its last checkpoint (marker {}, now {}): full check",
          mark.get().fingerprint(),
          now);
      return Optional.empty();
    }
    return mark;
  }

  /**
   * Size, modification time and SHA-256 of the first and last 64 KiB (the header page, the schema
   * and the pages appended last) of the main file.
   */
  static String fingerprint(Path file) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long size = raf.length();
      byte[] head = new byte[(int) Math.min(EDGE, size)];
      raf.readFully(head);
      byte[] tail = new byte[(int) Math.min(EDGE, size)];
      raf.seek(size - tail.length);
      raf.readFully(tail);
      byte[] both = new byte[head.length + tail.length];
      System.arraycopy(head, 0, both, 0, head.length);
      System.arraycopy(tail, 0, both, head.length, tail.length);
      return size
          + " "
          // milliseconds: copies that keep the time (cp -p, backups) keep no more than microseconds
          + Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.MILLIS)
          + " "
          + Hashes.sha256Hex(both).substring(0, 32);
    }
  }

  /** Removes the marker durably: from here on a crash leads to a full check. */
  static void unmark(Path file) throws IOException {
    if (Files.deleteIfExists(marker(file))) {
      syncDir(file);
    }
  }

  /** Runs a checkpoint now if one is due (the WAL is large or old, or one was asked for). */
  void maybe(Connection c) {
    long now = System.currentTimeMillis();
    if (now < retryAt) {
      return;
    }
    long wal = walBytes();
    if (wal == 0) {
      walSince = 0;
      if (!due) {
        return;
      }
    } else if (walSince == 0) {
      walSince = now;
    }
    if (due || wal >= WAL_BYTES || now - walSince >= MAX_AGE_MILLIS) {
      run(c);
    }
  }

  /**
   * Checkpoints the whole WAL into the main file and truncates it, between the marker's removal and
   * its new version. A checkpoint that readers kept from completing leaves no marker (the next one
   * tries again).
   */
  synchronized void run(Connection c) {
    try {
      long seq = lastChangeSeq(c);
      unmark(file);
      boolean complete = truncate(c);
      walSince = 0;
      if (!complete) {
        // a reader holds an older snapshot (the background full check holds one for minutes):
        // what could be copied was; the rest, and the marker, at the next try
        LOG.debug("store checkpoint blocked by a reader; retried in {} ms", RETRY_MILLIS);
        due = true;
        retryAt = System.currentTimeMillis() + RETRY_MILLIS;
        return;
      }
      due = false;
      if (markable && !condemned) {
        write(file, new Mark(fingerprint(file), seq));
      }
    } catch (SQLException | IOException e) {
      LOG.warn("store checkpoint failed: {}", e.getMessage());
    }
  }

  /** The full check passed in the background: checkpoints are marked again from the next one. */
  void markable() {
    markable = true;
    due = true;
  }

  /** The store was found damaged: no marker from now on, and the one there is removed. */
  synchronized void condemn() {
    condemned = true;
    markable = false;
    try {
      unmark(file);
      Files.deleteIfExists(StoreFile.cleanMarker(file));
    } catch (IOException e) {
      LOG.warn("could not remove the store's markers: {}", e.getMessage());
    }
  }

  /**
   * Whether the file may be marked (at a checkpoint, or closed cleanly): not after a start that
   * skipped the full check until it has passed, never once condemned.
   */
  boolean trusted() {
    return markable && !condemned;
  }

  /**
   * {@code wal_checkpoint(TRUNCATE)} without waiting for readers (no busy handler: TRUNCATE would
   * otherwise hold the store thread up to the busy timeout behind every long read). True if the
   * whole WAL was checkpointed and truncated.
   */
  private static boolean truncate(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("PRAGMA busy_timeout=0");
      try (ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
        return rs.next() && rs.getInt(1) == 0;
      } catch (SQLException e) {
        if (String.valueOf(e.getMessage()).contains("SQLITE_BUSY")) {
          return false;
        }
        throw e;
      } finally {
        st.execute("PRAGMA busy_timeout=5000");
      }
    }
  }

  /** The change log's end (0 before the log exists or while it is empty). */
  private static long lastChangeSeq(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT CASE WHEN EXISTS (SELECT 1 FROM sqlite_schema WHERE name='record_changes')"
                    + " THEN 1 ELSE 0 END")) {
      if (!rs.next() || rs.getInt(1) == 0) {
        return 0;
      }
    }
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT coalesce(max(seq), 0) FROM record_changes")) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  private long walBytes() {
    try {
      Path w = wal(file);
      return Files.exists(w) ? Files.size(w) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  private static void write(Path file, Mark mark) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".checkpoint.tmp");
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap((mark.line() + "\n").getBytes(StandardCharsets.UTF_8)));
      ch.force(true);
    }
    try {
      Files.move(tmp, marker(file), StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, marker(file), StandardCopyOption.REPLACE_EXISTING);
    }
    syncDir(file);
  }

  /** Makes a rename or removal in the store's directory durable. */
  private static void syncDir(Path file) throws IOException {
    try (FileChannel dir =
        FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
      dir.force(true);
    }
  }
}
